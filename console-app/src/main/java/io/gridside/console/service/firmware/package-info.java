/**
 * The console's firmware services: which signing keys it trusts, the review of an image file before a byte is
 * sent, pushing an image to the gateway (resumed from what the gateway holds) and installing it, and planning,
 * starting and following meter campaigns, each kept in the site's database.
 */
package io.gridside.console.service.firmware;

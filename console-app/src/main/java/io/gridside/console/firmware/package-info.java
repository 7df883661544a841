/**
 * The Firmware screen: the versions the site's meters run, a firmware image's details and checks, the gateway's
 * update, the meter campaign's planner and live progress, and the history of both.
 */
package io.gridside.console.firmware;

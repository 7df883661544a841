/** Billing a site before it is commissioned: the dry run of its first week. */
package io.gridside.billing.commission;

/**
 * The site's domain as immutable records: meters, customers, readings, tariffs and ledger entries.
 *
 * <p>Money is always integer minor units of the site's currency; energy is integer watt-hours.
 */
package io.gridside.site;

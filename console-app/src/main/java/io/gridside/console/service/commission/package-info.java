/**
 * The console's side of commissioning a site offline that needs more than the site store: signing the day's report
 * with the technician's credential key, and the dry-run bill of the first week.
 */
package io.gridside.console.service.commission;

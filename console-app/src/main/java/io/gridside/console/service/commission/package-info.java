/**
 * The console's commissioning of a new site: the steps of the day run in order against the site store and the
 * fresh gateway, each recorded as it ends so that a day interrupted (cancelled, a dropped link, the console
 * closed) resumes where it stopped and applies nothing twice; signing the day's report with the technician's
 * credential key, and the dry-run bill of the first week. Nothing here touches JavaFX.
 */
package io.gridside.console.service.commission;

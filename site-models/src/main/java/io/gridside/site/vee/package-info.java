/**
 * The records of validation, estimation and editing of interval data (VEE): raw register reads, the exceptions
 * raised on them, the estimates that spread a gap's energy, and the technicians' edits of those estimates.
 */
package io.gridside.site.vee;

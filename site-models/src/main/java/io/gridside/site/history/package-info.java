/**
 * The site's history by day: what a gateway and a console compare to move only the days that differ, and the
 * mesh's history of one day in a form small enough to carry over a serial cable.
 */
package io.gridside.site.history;

/** The console's local store of one site: a SQLite database file per site, with versioned migrations. */
package io.gridside.site.store;

/**
 * Imports of readings and payments from CSV files: a strict reader that names the line of every problem, the
 * checks of each row against the site's database, and a plan of what an import would change, which a dry run
 * prints and a real run applies. Nothing here touches JavaFX.
 */
package io.gridside.console.imports;

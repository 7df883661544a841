/** The imports screen: readings and payments from CSV files with a dry run first, and the payments outbox. */
package io.gridside.console.importing;

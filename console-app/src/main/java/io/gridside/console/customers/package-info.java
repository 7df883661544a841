/** The customers table with each one's balance and state, and the chosen customer's statement with its exports. */
package io.gridside.console.customers;

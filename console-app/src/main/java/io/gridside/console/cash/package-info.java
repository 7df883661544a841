/** The cash desk: cash top-ups collected on site with their receipts, and the day's cash-up with its voids. */
package io.gridside.console.cash;

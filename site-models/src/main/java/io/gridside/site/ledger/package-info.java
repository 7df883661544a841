/** The ledger's hash chain, its double-entry accounts and the check that re-walks both. */
package io.gridside.site.ledger;

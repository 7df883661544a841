/**
 * The Commissioning screen: the steps of the day down the side with what is done and what is left, and each step's
 * form or table (the site, the gateway, the pack, customers, joined meters with the scan field, link checks, relay
 * tests, the dry-run bill, go-live and the report).
 */
package io.gridside.console.commission;

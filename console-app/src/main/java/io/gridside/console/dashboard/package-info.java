/** The site dashboard: the gateway, meters online, and customers near or out of credit. */
package io.gridside.console.dashboard;

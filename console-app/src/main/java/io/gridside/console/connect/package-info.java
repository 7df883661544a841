/** The connect screen: a serial port, a network address, or the demo site. */
package io.gridside.console.connect;

/** A live link over one transport: framed sends, a reader thread, and the counters the status bar shows. */
package io.gridside.link.session;

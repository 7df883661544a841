/** Frames on the wire: COBS-delimited, versioned, length-bounded and checked with CRC-32C. */
package io.gridside.link.frame;

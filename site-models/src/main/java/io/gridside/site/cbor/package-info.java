/**
 * Deterministic CBOR (RFC 8949, section 4.2): the one encoding of everything that is hashed or signed, so that
 * two implementations produce the same bytes from the same values.
 */
package io.gridside.site.cbor;

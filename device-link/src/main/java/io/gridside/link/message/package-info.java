/** The messages of the link protocol, their wire codes and their CBOR encoding. */
package io.gridside.link.message;

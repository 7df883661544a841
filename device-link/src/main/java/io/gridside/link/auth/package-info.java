/**
 * Who may talk to whom: operator-signed technician credentials and their roles, the operator keys a gateway
 * trusts, the check a gateway makes of a credential, and the keys that prove a gateway is the one pinned.
 * Everything signed is deterministic CBOR, signed with Ed25519.
 */
package io.gridside.link.auth;

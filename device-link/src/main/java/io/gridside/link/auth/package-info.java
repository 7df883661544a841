/**
 * Who may talk to whom: operator-signed technician credentials and their roles, the operator keys a gateway
 * trusts, the check a gateway makes of a credential, the keys that prove a gateway is the one pinned, and the
 * operator-signed records that let a console pin a gateway's new key.
 * Everything signed is deterministic CBOR, signed with Ed25519.
 */
package io.gridside.link.auth;

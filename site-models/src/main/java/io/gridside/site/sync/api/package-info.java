/**
 * The cloud sync protocol's wire shapes, version 1: one record per JSON body and per item, the header names, the
 * error codes, the batch id rule and the JSON mapper, shared by the console's sync engine and the cloud so that
 * both read and write the same document (docs/sync.md describes the protocol).
 */
package io.gridside.site.sync.api;

package io.gridside.site.store;

import io.gridside.site.LedgerEntry;

/**
 * The gateway sent a ledger entry under a sequence number this store already holds, with other contents. A
 * gateway never rewrites its ledger, so its history was reset or altered; billing must not carry on as if
 * nothing happened.
 */
public final class LedgerConflictException extends StoreException {

    private final LedgerEntry held;
    private final LedgerEntry incoming;

    public LedgerConflictException(LedgerEntry held, LedgerEntry incoming) {
        super("The gateway's ledger entry " + incoming.seq() + " differs from the one this console stored "
                + "earlier: the gateway's history was reset or altered. Stop and report it to support "
                + "[LEDGER_CONFLICT].", null);
        this.held = held;
        this.incoming = incoming;
    }

    public LedgerEntry held() {
        return held;
    }

    public LedgerEntry incoming() {
        return incoming;
    }
}

package io.gridside.site.store;

/**
 * The gateway's ledger no longer agrees with what this store holds of it: an entry came back different, or the
 * gateway no longer has entries it sent before. A gateway never rewrites its ledger, so its history was reset
 * or altered; billing must not carry on as if nothing happened.
 */
public final class LedgerConflictException extends StoreException {

    private LedgerConflictException(String message) {
        super(message + " The gateway's history was reset or altered. Stop, and report it to support. "
                + "[LEDGER_CONFLICT]", null);
    }

    /** An entry came back under a sequence number held already, with other contents. */
    public static LedgerConflictException changed(long seq) {
        return new LedgerConflictException("The gateway's ledger entry " + seq
                + " differs from the one this console stored earlier.");
    }

    /** An entry's hash, as the gateway sent it, does not follow from the chain this console holds. */
    public static LedgerConflictException brokenLink(long seq) {
        return new LedgerConflictException("The gateway's ledger entry " + seq
                + " does not follow from the hash chain this console stored: the chain breaks there.");
    }

    /** The gateway no longer has the last entry this store holds. */
    public static LedgerConflictException shorter(long heldSeq) {
        return new LedgerConflictException("The gateway's ledger ends before entry " + heldSeq
                + ", which this console stored earlier.");
    }
}

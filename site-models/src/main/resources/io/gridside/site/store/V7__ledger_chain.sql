-- Each ledger entry's link of the hash chain (SHA-256 over the previous link and the entry's deterministic CBOR,
-- see LedgerChain); NULL on entries pulled before this version, which the start-up check recomputes but cannot compare.
ALTER TABLE ledger_entry ADD COLUMN hash BLOB;

-- The ledger is append-only: a correction is a new entry, never an edited or removed one.
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a correction instead'); END;

CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: post a correction instead'); END;

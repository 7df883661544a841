-- The gateway's billing configuration (tariff schedule and credit terms) as the document it served, one row a
-- digest; the row added last (the highest rowid) is the newest pulled, the one the audit replays with. Numbered 8: 7 is the ledger chain's.
CREATE TABLE billing_config (
    digest    BLOB PRIMARY KEY,
    document  BLOB NOT NULL,
    pulled_at INTEGER NOT NULL
);

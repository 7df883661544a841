-- Payments imported from a file, queued for the gateway, which alone posts them to the ledger. One row per
-- payment reference: a re-import of the same file queues nothing new. state is PENDING until the gateway
-- answers, then CREDITED, ALREADY_CREDITED (it held the reference already) or REFUSED (answer_code says why).
CREATE TABLE payment_outbox (
    reference    TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    paid_at      INTEGER NOT NULL,
    source       TEXT NOT NULL,
    queued_at    INTEGER NOT NULL,
    state        TEXT NOT NULL,
    answer_code  TEXT,
    answer       TEXT,
    answered_at  INTEGER
);

CREATE INDEX payment_outbox_by_state ON payment_outbox (state, queued_at);

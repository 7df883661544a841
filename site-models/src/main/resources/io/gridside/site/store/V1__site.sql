-- The first schema of a site's database: what the console pulls from the gateway.
CREATE TABLE site_property (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customer (
    customer_id TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    category    TEXT NOT NULL
);

CREATE TABLE meter (
    meter_id    TEXT PRIMARY KEY,
    serial      TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL REFERENCES customer (customer_id),
    parent_id   TEXT NOT NULL,
    rssi_dbm    INTEGER NOT NULL
);

CREATE TABLE meter_status (
    meter_id        TEXT PRIMARY KEY REFERENCES meter (meter_id),
    balance_minor   INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    last_reading_at INTEGER,
    register_wh     INTEGER NOT NULL,
    relay           TEXT NOT NULL,
    credit_state    TEXT NOT NULL
);

-- interval_start is UTC epoch seconds; one row per meter and interval, so a re-pull never doubles.
CREATE TABLE reading (
    meter_id       TEXT NOT NULL,
    interval_start INTEGER NOT NULL,
    energy_wh      INTEGER NOT NULL,
    register_wh    INTEGER NOT NULL,
    PRIMARY KEY (meter_id, interval_start)
) WITHOUT ROWID;

CREATE INDEX reading_by_time ON reading (interval_start);

-- The gateway's ledger as pulled; seq is the gateway's own, so entries are never applied twice.
CREATE TABLE ledger_entry (
    seq                 INTEGER PRIMARY KEY,
    at                  INTEGER NOT NULL,
    customer_id         TEXT NOT NULL,
    kind                TEXT NOT NULL,
    amount_minor        INTEGER NOT NULL,
    balance_after_minor INTEGER NOT NULL,
    reference           TEXT NOT NULL
);

CREATE INDEX ledger_by_customer ON ledger_entry (customer_id, seq);

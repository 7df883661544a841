-- Commissioning a site offline (decision 0064). The plan's site facts go to site_property (operator, holidays,
-- latitude, longitude) beside siteId, name, currency and zone. Every table is keyed by what it is about (customer,
-- meter, step), so a step run again replaces or keeps a row and never adds a second.
CREATE TABLE commission_tariff (
    tariff_id     TEXT PRIMARY KEY,
    schedule_json TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE commission_customer (
    customer_id   TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    phone         TEXT NOT NULL,
    address       TEXT NOT NULL,
    category      TEXT NOT NULL,
    tariff_id     TEXT NOT NULL,
    opening_minor INTEGER NOT NULL CHECK (opening_minor >= 0),
    meter_serial  TEXT
) WITHOUT ROWID;

-- A meter that joined the mesh, as the gateway reported it last; RSSI in dBm and ETX as reals, as measured.
CREATE TABLE commission_joined (
    meter_id       TEXT PRIMARY KEY,
    hardware_id    TEXT NOT NULL,
    phases         INTEGER NOT NULL,
    firmware       TEXT,
    latitude       REAL NOT NULL,
    longitude      REAL NOT NULL,
    up_rssi_dbm    REAL NOT NULL,
    down_rssi_dbm  REAL NOT NULL,
    etx            REAL NOT NULL,
    routes         INTEGER NOT NULL,
    hops           INTEGER NOT NULL,
    joined_ms      INTEGER NOT NULL
) WITHOUT ROWID;

-- One meter per customer and one customer per meter, held by the keys themselves.
CREATE TABLE commission_assignment (
    customer_id TEXT PRIMARY KEY REFERENCES commission_customer (customer_id),
    meter_id    TEXT NOT NULL UNIQUE,
    assigned_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE commission_link_check (
    meter_id   TEXT PRIMARY KEY,
    verdict    TEXT NOT NULL,
    reasons    TEXT NOT NULL,
    checked_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE commission_relay_test (
    meter_id  TEXT PRIMARY KEY,
    after_off TEXT,
    after_on  TEXT,
    tested_ms INTEGER NOT NULL,
    note      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE commission_dry_run (
    customer_id   TEXT PRIMARY KEY,
    tariff_id     TEXT NOT NULL,
    from_ms       INTEGER NOT NULL,
    to_ms         INTEGER NOT NULL,
    energy_wh     INTEGER NOT NULL,
    charges_minor INTEGER NOT NULL,
    opening_minor INTEGER NOT NULL,
    closing_minor INTEGER NOT NULL,
    days_left     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE commission_step (
    step    TEXT PRIMARY KEY,
    done_ms INTEGER NOT NULL,
    detail  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE commission_report (
    report_id      TEXT PRIMARY KEY,
    site_id        TEXT NOT NULL,
    technician_id  TEXT NOT NULL,
    technician_key BLOB NOT NULL,
    signed         BLOB NOT NULL,
    signature      BLOB NOT NULL,
    signed_ms      INTEGER NOT NULL
) WITHOUT ROWID;

-- A signed report goes up on the events stream as its own kind, item its report id (docs/sync.md, section 5).
CREATE TRIGGER sync_commission_report AFTER INSERT ON commission_report
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'events', COALESCE(MAX(seq), 0) + 1, NEW.report_id, 'commissionReport', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'events'; END;

-- Sync with the cloud (decision 0056). Every row that must reach the cloud gets a row in sync_outbox in the same
-- transaction that wrote it, made by the triggers below, so every write path is covered. seq is dense per stream
-- (the ledger's stream uses the ledger's own seq); item is the row's natural key; rows are kept after the cloud
-- acknowledged them, since a cloud restored from a backup may need them again. Trigger bodies stay on one line:
-- the migration splits statements on a semicolon that ends a line. KNOWN SHORTCOMING: the outbox is never pruned,
-- and a row deleted from a data table (an event of a day pulled again) is not deleted in the cloud.
CREATE TABLE sync_outbox (
    stream    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    item      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    queued_ms INTEGER NOT NULL,
    PRIMARY KEY (stream, seq)
) WITHOUT ROWID;

-- The highest seq of each stream the cloud acknowledged; only the sync client moves it.
CREATE TABLE sync_checkpoint (
    stream    TEXT PRIMARY KEY,
    acked_seq INTEGER NOT NULL
) WITHOUT ROWID;

-- Each down stream's cursor, written in the transaction that applied the page it came with.
CREATE TABLE sync_down_cursor (
    stream     TEXT PRIMARY KEY,
    cursor     TEXT NOT NULL,
    updated_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_config (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    cloud_url TEXT NOT NULL,
    pin       TEXT
);

CREATE TABLE sync_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_ms INTEGER,
    last_attempt_ms INTEGER,
    last_error      TEXT
);

-- What sync could not do by itself, for a person: one row per stream, item and code while it is unresolved.
CREATE TABLE sync_attention (
    id            INTEGER PRIMARY KEY,
    stream        TEXT NOT NULL,
    item          TEXT NOT NULL,
    code          TEXT NOT NULL,
    message       TEXT NOT NULL,
    what_to_do    TEXT NOT NULL,
    first_seen_ms INTEGER NOT NULL,
    last_seen_ms  INTEGER NOT NULL,
    attempts      INTEGER NOT NULL,
    resolved      INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX sync_attention_open ON sync_attention (resolved, stream, item, code);

-- Customer reference fields (name, phone, address) with the HLC of the edit that set each, local or from the cloud.
CREATE TABLE customer_field (
    customer_id TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    origin      TEXT NOT NULL,
    PRIMARY KEY (customer_id, field)
) WITHOUT ROWID;

-- Every value a merge overwrote or refused (the loser, either side), for a person to review.
CREATE TABLE sync_review (
    id          INTEGER PRIMARY KEY,
    customer_id TEXT NOT NULL,
    field       TEXT NOT NULL,
    lost_value  TEXT,
    lost_hlc    TEXT,
    won_value   TEXT NOT NULL,
    won_hlc     TEXT NOT NULL,
    at_ms       INTEGER NOT NULL
);

-- What the down streams brought: tariff versions, firmware release records, credentials, the revocation list.
CREATE TABLE sync_tariff_version (
    version_id        TEXT PRIMARY KEY,
    effective_from_ms INTEGER NOT NULL,
    tariff_json       TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_firmware_release (
    product          TEXT NOT NULL,
    version          TEXT NOT NULL,
    hardware_ids     TEXT NOT NULL,
    security_counter INTEGER NOT NULL,
    notes            TEXT NOT NULL,
    published_ms     INTEGER NOT NULL,
    PRIMARY KEY (product, version)
) WITHOUT ROWID;

CREATE TABLE sync_credential (
    technician_id TEXT PRIMARY KEY,
    signed        BLOB NOT NULL,
    signature     BLOB NOT NULL,
    received_ms   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_revocation_list (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    serial      INTEGER NOT NULL,
    signed      BLOB NOT NULL,
    signature   BLOB NOT NULL,
    received_ms INTEGER NOT NULL
);

-- Remote top-ups are not queued twice: a reference already in the ledger ('payment:' and the reference) is found
-- by this index.
CREATE INDEX ledger_by_reference ON ledger_entry (reference);

-- Ledger: every entry, outbox seq = ledger seq; a top-up also goes to payments.
CREATE TRIGGER sync_ledger_entry AFTER INSERT ON ledger_entry
BEGIN INSERT OR REPLACE INTO sync_outbox (stream, seq, item, kind, queued_ms) VALUES ('ledger', NEW.seq, CAST(NEW.seq AS TEXT), 'entry', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END;

CREATE TRIGGER sync_ledger_topup AFTER INSERT ON ledger_entry WHEN NEW.kind = 'TOP_UP'
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'payments', COALESCE(MAX(seq), 0) + 1, CAST(NEW.seq AS TEXT), 'topup', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'payments'; END;

-- Meter credit: saveStatuses writes INSERT OR REPLACE, which deletes and inserts, so the insert trigger runs BEFORE
-- and compares with the row still there; a status whose balance, currency, relay and credit state are unchanged
-- is not sent again.
CREATE TRIGGER sync_meter_status_insert BEFORE INSERT ON meter_status WHEN NOT EXISTS (SELECT 1 FROM meter_status s WHERE s.meter_id = NEW.meter_id AND s.balance_minor = NEW.balance_minor AND s.currency = NEW.currency AND s.relay = NEW.relay AND s.credit_state = NEW.credit_state)
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'payments', COALESCE(MAX(seq), 0) + 1, NEW.meter_id, 'credit', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'payments'; END;

CREATE TRIGGER sync_meter_status_update AFTER UPDATE ON meter_status WHEN OLD.balance_minor IS NOT NEW.balance_minor OR OLD.currency IS NOT NEW.currency OR OLD.relay IS NOT NEW.relay OR OLD.credit_state IS NOT NEW.credit_state OR OLD.meter_id IS NOT NEW.meter_id
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'payments', COALESCE(MAX(seq), 0) + 1, NEW.meter_id, 'credit', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'payments'; END;

CREATE TRIGGER sync_payment_insert AFTER INSERT ON payment_outbox
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'payments', COALESCE(MAX(seq), 0) + 1, NEW.reference, 'payment', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'payments'; END;

CREATE TRIGGER sync_payment_update AFTER UPDATE ON payment_outbox WHEN OLD.state IS NOT NEW.state OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.customer_id IS NOT NEW.customer_id OR OLD.reference IS NOT NEW.reference
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'payments', COALESCE(MAX(seq), 0) + 1, NEW.reference, 'payment', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'payments'; END;

CREATE TRIGGER sync_site_event AFTER INSERT ON site_event
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'events', COALESCE(MAX(seq), 0) + 1, CAST(NEW.id AS TEXT), 'event', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'events'; END;

-- Readings: a block that is new or changes gets a new row, item '<meter id>/<UTC day>'; the cloud keeps the one
-- with most readings. A snapshot of the mesh gets one, item its id. KNOWN SHORTCOMING: readings waiting in
-- reading_pending go up only once folded into their day's block (a pull folds them at its end).
CREATE TRIGGER sync_reading_block_insert AFTER INSERT ON reading_block
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'readings', COALESCE(MAX(seq), 0) + 1, (SELECT meter_id FROM reading_meter WHERE meter = NEW.meter) || '/' || date(NEW.day * 86400, 'unixepoch'), 'block', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'readings'; END;

CREATE TRIGGER sync_reading_block_update AFTER UPDATE ON reading_block WHEN OLD.readings IS NOT NEW.readings OR OLD.block IS NOT NEW.block OR OLD.meter IS NOT NEW.meter OR OLD.day IS NOT NEW.day
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'readings', COALESCE(MAX(seq), 0) + 1, (SELECT meter_id FROM reading_meter WHERE meter = NEW.meter) || '/' || date(NEW.day * 86400, 'unixepoch'), 'block', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'readings'; END;

CREATE TRIGGER sync_topology_snapshot AFTER INSERT ON topology_snapshot
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'readings', COALESCE(MAX(seq), 0) + 1, CAST(NEW.id AS TEXT), 'topology', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'readings'; END;

-- Customers: a local edit only, item '<customer id>/<field>'; what came from the cloud is not sent back.
CREATE TRIGGER sync_customer_field_insert AFTER INSERT ON customer_field WHEN NEW.origin = 'local'
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'customers', COALESCE(MAX(seq), 0) + 1, NEW.customer_id || '/' || NEW.field, 'field', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'customers'; END;

CREATE TRIGGER sync_customer_field_update AFTER UPDATE ON customer_field WHEN NEW.origin = 'local'
BEGIN INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms) SELECT 'customers', COALESCE(MAX(seq), 0) + 1, NEW.customer_id || '/' || NEW.field, 'field', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM sync_outbox WHERE stream = 'customers'; END;

-- Back-fill: a store made before this version syncs whole. The ledger by its seq; payments as top-ups by ledger
-- seq, then meter credit states, then queued payments; events by id; readings as blocks and snapshots by time.
INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms)
SELECT 'ledger', seq, CAST(seq AS TEXT), 'entry', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM ledger_entry;

INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms)
SELECT 'payments', ROW_NUMBER() OVER (ORDER BY part, key_number, key_text), item, kind,
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM (SELECT 0 AS part, seq AS key_number, '' AS key_text, CAST(seq AS TEXT) AS item, 'topup' AS kind
      FROM ledger_entry WHERE kind = 'TOP_UP'
      UNION ALL
      SELECT 1, 0, meter_id, meter_id, 'credit' FROM meter_status
      UNION ALL
      SELECT 2, queued_at, reference, reference, 'payment' FROM payment_outbox);

INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms)
SELECT 'events', ROW_NUMBER() OVER (ORDER BY id), CAST(id AS TEXT), 'event',
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM site_event;

INSERT INTO sync_outbox (stream, seq, item, kind, queued_ms)
SELECT 'readings', ROW_NUMBER() OVER (ORDER BY at_second, part, key_text), item, kind,
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM (SELECT b.day * 86400 AS at_second, 0 AS part, m.meter_id AS key_text,
             m.meter_id || '/' || date(b.day * 86400, 'unixepoch') AS item, 'block' AS kind
      FROM reading_block b JOIN reading_meter m ON m.meter = b.meter
      UNION ALL
      SELECT at_second, 1, printf('%020d', at_nano), CAST(id AS TEXT), 'topology' FROM topology_snapshot);

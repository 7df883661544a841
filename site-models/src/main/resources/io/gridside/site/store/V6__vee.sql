-- Raw cumulative register reads, once per meter and time (UTC epoch seconds, the meter's clock).
CREATE TABLE raw_read (
    meter_id    TEXT NOT NULL,
    at          INTEGER NOT NULL,
    register_wh INTEGER NOT NULL,
    PRIMARY KEY (meter_id, at)
) WITHOUT ROWID;

-- The exceptions queue: each read held back from billing with the rule it broke and the figures; a read breaks
-- a rule once, however often VEE runs.
CREATE TABLE vee_exception (
    id          INTEGER PRIMARY KEY,
    meter_id    TEXT NOT NULL,
    at          INTEGER NOT NULL,
    register_wh INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    detail      TEXT NOT NULL,
    UNIQUE (meter_id, at, register_wh, rule)
);

-- A gap's estimate as it stands: energies are the interval values in Wh, comma-separated, in time order.
CREATE TABLE vee_estimate (
    meter_id            TEXT NOT NULL,
    gap_start           INTEGER NOT NULL,
    opening_register_wh INTEGER NOT NULL,
    closing_register_wh INTEGER NOT NULL,
    method              TEXT NOT NULL,
    status              TEXT NOT NULL,
    energies_wh         TEXT NOT NULL,
    PRIMARY KEY (meter_id, gap_start)
);

-- Every technician's edit of an estimate, appended and never changed.
CREATE TABLE vee_edit (
    id           INTEGER PRIMARY KEY,
    meter_id     TEXT NOT NULL,
    gap_start    INTEGER NOT NULL,
    outcome      TEXT NOT NULL,
    energies_wh  TEXT NOT NULL,
    edited_by    TEXT NOT NULL,
    edited_at    INTEGER NOT NULL,
    why          TEXT NOT NULL,
    total_reason TEXT
);

CREATE INDEX vee_edit_by_gap ON vee_edit (meter_id, gap_start, id);

-- The gateway's event log, its own events and its meters', keyed by the gateway's number of each event.
CREATE TABLE site_event (
    id             INTEGER PRIMARY KEY,
    at_second      INTEGER NOT NULL,
    at_nano        INTEGER NOT NULL,
    source         TEXT NOT NULL,
    kind           TEXT NOT NULL,
    details        TEXT NOT NULL,
    cause_scenario TEXT,
    cause_step     INTEGER,
    cause_kind     TEXT
);

CREATE INDEX site_event_at ON site_event (at_second, at_nano);

CREATE INDEX site_event_source ON site_event (source, at_second);

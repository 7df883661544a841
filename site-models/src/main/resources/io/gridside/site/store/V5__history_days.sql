-- What the console holds of each site day, as the gateway summarised it: a pull fetches a day again only when the
-- gateway's digest of its events or of its mesh history differs from the one held here.
CREATE TABLE history_day (
    day           TEXT PRIMARY KEY,
    complete      INTEGER NOT NULL,
    event_count   INTEGER NOT NULL,
    events_digest BLOB NOT NULL,
    mesh_steps    INTEGER NOT NULL,
    mesh_digest   BLOB NOT NULL,
    mesh_bytes    INTEGER NOT NULL
);

-- A day's mesh history, the document as the gateway sent it (deterministic CBOR), and the times the day covers.
CREATE TABLE mesh_day (
    day          TEXT PRIMARY KEY,
    start_second INTEGER NOT NULL,
    end_second   INTEGER NOT NULL,
    document     BLOB NOT NULL
);

CREATE INDEX mesh_day_by_start ON mesh_day (start_second);

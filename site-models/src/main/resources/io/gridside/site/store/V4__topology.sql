-- Snapshots of the mesh pulled from the gateway, one per moment, so the mesh can be shown as it was, offline.
CREATE TABLE topology_snapshot (
    id         INTEGER PRIMARY KEY,
    at_second  INTEGER NOT NULL,
    at_nano    INTEGER NOT NULL,
    gateway_id TEXT NOT NULL,
    UNIQUE (at_second, at_nano)
);

-- A radio of a snapshot in the order the gateway listed it; alternates are ids joined by commas, best first.
CREATE TABLE topology_node (
    snapshot_id INTEGER NOT NULL REFERENCES topology_snapshot (id),
    position    INTEGER NOT NULL,
    node_id     TEXT NOT NULL,
    latitude    REAL NOT NULL,
    longitude   REAL NOT NULL,
    hops        INTEGER NOT NULL,
    rank        INTEGER NOT NULL,
    parent_id   TEXT,
    alternates  TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, position)
);

-- A neighbour-table entry of a snapshot, measured in both directions.
CREATE TABLE topology_link (
    snapshot_id            INTEGER NOT NULL REFERENCES topology_snapshot (id),
    position               INTEGER NOT NULL,
    from_id                TEXT NOT NULL,
    to_id                  TEXT NOT NULL,
    forward_rssi_dbm       REAL NOT NULL,
    reverse_rssi_dbm       REAL NOT NULL,
    forward_psr            REAL NOT NULL,
    reverse_psr            REAL NOT NULL,
    etx                    REAL NOT NULL,
    last_heard_age_seconds INTEGER NOT NULL,
    preferred              INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, position)
);

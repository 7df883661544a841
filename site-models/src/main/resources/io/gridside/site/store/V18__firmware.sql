-- What the console knows of the site's firmware. The fleet is each meter as a campaign sees it (hardware, what it
-- runs, hop depth), as pulled last: a pull replaces it whole. A meter campaign keeps the last state the gateway
-- told of it, whole (deterministic CBOR), with its status and times beside it for queries; the gateway runs the
-- campaign and keeps its own. A gateway install is kept once per outcome the gateway reported (its time and
-- version), with its health checks (CBOR).
CREATE TABLE firmware_fleet (
    meter_id         TEXT PRIMARY KEY,
    hardware_id      TEXT NOT NULL,
    version          TEXT NOT NULL,
    security_counter INTEGER NOT NULL,
    hops             INTEGER NOT NULL,
    pulled_ms        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE firmware_campaign (
    campaign_id  TEXT PRIMARY KEY,
    status       TEXT NOT NULL,
    version      TEXT NOT NULL,
    image_sha256 BLOB NOT NULL,
    started_ms   INTEGER NOT NULL,
    updated_ms   INTEGER NOT NULL,
    heard_ms     INTEGER NOT NULL,
    state        BLOB NOT NULL
) WITHOUT ROWID;

CREATE INDEX firmware_campaign_by_status ON firmware_campaign (status, started_ms);

CREATE TABLE firmware_gateway_install (
    at        TEXT NOT NULL,
    at_ms     INTEGER NOT NULL,
    version   TEXT NOT NULL,
    confirmed INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    checks    BLOB NOT NULL,
    PRIMARY KEY (at, version)
);

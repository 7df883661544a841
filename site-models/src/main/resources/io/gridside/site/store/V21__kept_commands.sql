-- The gateways' command logs as the console read them (decision 0090): each signed command as received, keyed by
-- the gateway that logged it and its place in that gateway's log, so a second read keeps no second row. The audit
-- of a site whose gateway was replaced checks the dead gateway's part of the ledger against these, each one's
-- signatures checked again as a live log's are.
CREATE TABLE kept_command (
    gateway_id           TEXT NOT NULL,
    seq                  INTEGER NOT NULL,
    taken_ms             INTEGER NOT NULL,
    command              BLOB NOT NULL,
    signature            BLOB NOT NULL,
    credential           BLOB NOT NULL,
    credential_signature BLOB NOT NULL,
    answer_type          INTEGER NOT NULL,
    answer               BLOB NOT NULL,
    PRIMARY KEY (gateway_id, seq)
) WITHOUT ROWID;

-- What the console saw when it replaced a site's dead gateway (decision 0094): the two gateways, the replica's last
-- ledger entry the new gateway's ledger follows, when the new gateway read the registers and posted the
-- reconciliation (by its clock), and each meter's register as read then, or that it could not be read. The audit of
-- the replaced site bills the gap again from these registers and tells the two gateways' readings apart by them.
CREATE TABLE replacement (
    new_gateway_id  TEXT NOT NULL,
    after_seq       INTEGER NOT NULL,
    dead_gateway_id TEXT,
    read_ms         INTEGER NOT NULL,
    reconciled_ms   INTEGER NOT NULL,
    PRIMARY KEY (new_gateway_id, after_seq)
) WITHOUT ROWID;

CREATE TABLE replacement_register (
    new_gateway_id TEXT NOT NULL,
    after_seq      INTEGER NOT NULL,
    meter_id       TEXT NOT NULL,
    register_wh    INTEGER,
    register_ms    INTEGER,
    PRIMARY KEY (new_gateway_id, after_seq, meter_id),
    FOREIGN KEY (new_gateway_id, after_seq) REFERENCES replacement (new_gateway_id, after_seq)
) WITHOUT ROWID;

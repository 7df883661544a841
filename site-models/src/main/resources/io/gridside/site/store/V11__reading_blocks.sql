-- Readings kept compactly: one row per meter and UTC day holding that day's quarter hours as a ReadingBlock
-- (varint columns, deflated), meters by a small integer. Readings of a day not yet whole wait as rows in
-- reading_pending until the day fills or the store folds them in. The rows of the old reading table are moved
-- into blocks by ReadingBlockRows.moveRowsIntoBlocks, which runs right after this script, in its transaction,
-- and drops the old table.
CREATE TABLE reading_meter (
    meter    INTEGER PRIMARY KEY,
    meter_id TEXT NOT NULL UNIQUE
);

-- day is the UTC day, in days from the epoch; readings is how many quarter hours the block holds.
CREATE TABLE reading_block (
    meter    INTEGER NOT NULL REFERENCES reading_meter (meter),
    day      INTEGER NOT NULL,
    readings INTEGER NOT NULL,
    block    BLOB NOT NULL,
    PRIMARY KEY (meter, day)
);

CREATE INDEX reading_block_by_day ON reading_block (day);

-- One row per meter and interval, never one already in a block, so a re-pull never doubles.
CREATE TABLE reading_pending (
    meter             INTEGER NOT NULL REFERENCES reading_meter (meter),
    interval_start    INTEGER NOT NULL,
    energy_wh         INTEGER NOT NULL,
    register_wh       INTEGER NOT NULL,
    min_decivolts     INTEGER,
    average_decivolts INTEGER,
    max_decivolts     INTEGER,
    peak_watts        INTEGER,
    PRIMARY KEY (meter, interval_start)
) WITHOUT ROWID;

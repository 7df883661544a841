-- A second reading of a meter's quarter hour, which a block's one slot cannot hold: when a meter changes hands within
-- a quarter hour, the gateway bills a final reading at the move-out (its final register, typed or read from the
-- meter) and the quarter hour's own reading at its end from that register on. The second to arrive is kept here,
-- only when it follows on from the one held. One row per meter, quarter hour, register and energy, so that a re-pull
-- never doubles.
CREATE TABLE reading_shared (
    meter             INTEGER NOT NULL REFERENCES reading_meter (meter),
    interval_start    INTEGER NOT NULL,
    energy_wh         INTEGER NOT NULL,
    register_wh       INTEGER NOT NULL,
    min_decivolts     INTEGER,
    average_decivolts INTEGER,
    max_decivolts     INTEGER,
    peak_watts        INTEGER,
    PRIMARY KEY (meter, interval_start, register_wh, energy_wh)
) WITHOUT ROWID;

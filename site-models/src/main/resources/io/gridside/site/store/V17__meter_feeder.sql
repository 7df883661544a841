-- Which low-voltage feeder out of the power house supplies each meter, as the gateway's wiring plan names them
-- (F1, F2, ...), so that outages and reliability indices can be told by feeder. A meter the plan does not place
-- has no row. A pull replaces the whole map with the gateway's.
CREATE TABLE meter_feeder (
    meter_id TEXT PRIMARY KEY,
    feeder   TEXT NOT NULL
) WITHOUT ROWID;

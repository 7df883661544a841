-- Where the technician dragged a radio on the mesh view, per layout (the tree by hop, the map), in the layout's
-- world units, so the picture they arranged comes back the next time the site is opened. One row per layout and
-- radio; a layout's rows go when the technician resets its positions.
CREATE TABLE mesh_position (
    layout   TEXT NOT NULL,
    radio_id TEXT NOT NULL,
    x        REAL NOT NULL,
    y        REAL NOT NULL,
    PRIMARY KEY (layout, radio_id)
) WITHOUT ROWID;

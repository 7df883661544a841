-- Register reads queued for the gateway's billing, which alone bills them: reads imported from a file and reads
-- decided on the exceptions queue. One row per origin (a file's name and line, or a decision's id), meter and
-- time: a re-import of the same file queues nothing new. state is PENDING until the gateway answers, then FILLED,
-- CORRECTED, DUPLICATE or REFUSED (answer_code says why).
CREATE TABLE reading_outbox (
    origin_id    TEXT NOT NULL,
    meter_id     TEXT NOT NULL,
    read_at      INTEGER NOT NULL,
    register_wh  INTEGER NOT NULL,
    origin       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    queued_at    INTEGER NOT NULL,
    state        TEXT NOT NULL,
    answer_code  TEXT,
    answer       TEXT,
    answered_at  INTEGER,
    PRIMARY KEY (origin_id, meter_id, read_at)
);

CREATE INDEX reading_outbox_by_state ON reading_outbox (state, queued_at);

-- The gateway's cash book as pulled: a line for every cash receipt and one for every void, each kept once by its
-- receipt number and kind, so that a technician's cash-up can be made from the site file offline.
CREATE TABLE cash_book_line (
    receipt       TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    technician_id TEXT    NOT NULL,
    reference     TEXT    NOT NULL,
    customer_id   TEXT    NOT NULL,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    at_second     INTEGER NOT NULL,
    at_nano       INTEGER NOT NULL,
    voided_by     TEXT,
    reason        TEXT,
    PRIMARY KEY (receipt, kind)
);

-- A technician's decision on an entry of the exceptions queue, appended and never changed: the register that
-- stands for the meter and time (the read's own when accepted), who decided, when (UTC epoch seconds) and why.
-- An exception with a decision has left the open queue; the newest decision of an exception is the one that holds.
CREATE TABLE vee_exception_decision (
    id           INTEGER PRIMARY KEY,
    exception_id INTEGER NOT NULL REFERENCES vee_exception (id),
    outcome      TEXT NOT NULL,
    register_wh  INTEGER NOT NULL,
    decided_by   TEXT NOT NULL,
    decided_at   INTEGER NOT NULL,
    why          TEXT NOT NULL
);

CREATE INDEX vee_exception_decision_by_exception ON vee_exception_decision (exception_id, id);

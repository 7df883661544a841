-- Where the gap of a meter the replica held no reading of was billed from (decision 0103): the register the dead
-- gateway said it had billed the meter to when it was last pulled (its go-live register, for a meter whose first
-- quarter hour billed had not ended then), and the end of the quarter hour it is of. Both null for a meter billed
-- from its last reading in the replica, or from nothing known.
ALTER TABLE replacement_register ADD COLUMN from_register_wh INTEGER;
ALTER TABLE replacement_register ADD COLUMN from_ms INTEGER;

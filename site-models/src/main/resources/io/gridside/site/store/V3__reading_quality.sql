-- What a meter measured of each interval besides its energy: voltage in decivolts and peak power in watts.
-- All four are null on a reading whose meter did not report them, as on every reading stored before this step.
ALTER TABLE reading ADD COLUMN min_decivolts INTEGER;
ALTER TABLE reading ADD COLUMN average_decivolts INTEGER;
ALTER TABLE reading ADD COLUMN max_decivolts INTEGER;
ALTER TABLE reading ADD COLUMN peak_watts INTEGER;

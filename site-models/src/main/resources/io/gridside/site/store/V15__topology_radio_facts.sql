-- What a gateway that lists radio-facts tells of each radio: the firmware it runs and the packets it sent and
-- forwarded in the hour before the snapshot. Both stay null where the gateway did not say, as in every row written
-- before this version.
ALTER TABLE topology_node ADD COLUMN firmware TEXT;
ALTER TABLE topology_node ADD COLUMN traffic_per_hour INTEGER;

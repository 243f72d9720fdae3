-- The reports count IVO notifications by the day they were sent, for the period and the two years before (decision
-- 0023): three range queries on every report build and preview. Notifications are rare, so with this index they cost
-- nothing even at a million deviations; without it each was a scan of the whole table.
CREATE INDEX ix_dev_ivo_reported ON deviation (ivo_reported_on);

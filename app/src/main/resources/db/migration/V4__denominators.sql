-- Denominators for rates: per unit and month, the number of care recipients (brukare) and,
-- where known, care days or visits. Lets counts be charted as rates (u-charts) and compared
-- fairly between units of different size.
CREATE TABLE unit_denominator (
    unit_id    BIGINT  NOT NULL REFERENCES unit (id),
    year       INTEGER NOT NULL,
    month      INTEGER NOT NULL,
    recipients INTEGER,
    care_days  INTEGER,
    visits     INTEGER,
    PRIMARY KEY (unit_id, year, month)
);

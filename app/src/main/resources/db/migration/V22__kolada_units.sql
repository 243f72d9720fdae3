-- Key figures per unit (decision 0019): Kolada's organisational units (ou) linked to our units, and the Kolada KPI
-- that each of our own unit-level measures is set beside at municipality level.

-- Kolada's organisational units as /v3/ou publishes them: id, name, municipality.
CREATE TABLE kf_ou (
    code              VARCHAR(40)  NOT NULL PRIMARY KEY,
    title             VARCHAR(300) NOT NULL,
    municipality_code VARCHAR(20)
);

-- Which of our units a Kolada ou is, set by the coordinator (on screen, by file or on the command line). A unit may
-- have had several ou ids over the years (a new operator gets a new id); an ou is one unit.
CREATE TABLE kf_ou_unit (
    ou_code VARCHAR(40) NOT NULL PRIMARY KEY,
    unit_id BIGINT      NOT NULL REFERENCES unit (id)
);
CREATE INDEX ix_kf_ou_unit_unit ON kf_ou_unit (unit_id);

-- The Kolada KPI an own measure per unit is compared with at municipality level. measure is
-- 'survey:<question code>', 'own:<figure code>' or 'followup:<PLAN_EXISTS|PLAN_UP_TO_DATE|MEETS_DECISION|WISHES_FOLLOWED_UP>'.
CREATE TABLE kf_measure_kpi (
    measure VARCHAR(100) NOT NULL PRIMARY KEY,
    kpi_id  VARCHAR(20)  NOT NULL
);

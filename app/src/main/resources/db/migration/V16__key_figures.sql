-- Key figures (nyckeltal), the national user survey (brukarundersökningen) and aggregated individual follow-up
-- (individuppföljning), DOMAIN.md §2.5 and decision 0012.

-- The Kolada KPI catalogue (metadata as Kolada v3 publishes it under /v3/kpi).
CREATE TABLE kf_kpi (
    id                   VARCHAR(20)  NOT NULL PRIMARY KEY,
    title                VARCHAR(500) NOT NULL,
    description          TEXT,
    is_divided_by_gender BOOLEAN      NOT NULL DEFAULT FALSE,
    municipality_type    VARCHAR(10),
    operating_area       VARCHAR(300),
    perspective          VARCHAR(100),
    has_ou_data          BOOLEAN      NOT NULL DEFAULT FALSE,
    publ_period          VARCHAR(20)
);

-- Municipalities, regions and municipality groups by Kolada's code ("0000" is the whole country).
CREATE TABLE kf_municipality (
    code  VARCHAR(20)  NOT NULL PRIMARY KEY,
    title VARCHAR(300) NOT NULL,
    type  VARCHAR(10)
);

-- One Kolada value: KPI, municipality (or ou, a unit within it), year and gender (T total, K women, M men).
-- value NULL is a missing value, never 0; status is Kolada's own status text kept as it came;
-- member_count > 1 marks a municipality group, whose value is an unweighted mean of its members.
CREATE TABLE kf_value (
    kpi_id            VARCHAR(20)  NOT NULL,
    municipality_code VARCHAR(20)  NOT NULL,
    ou_code           VARCHAR(40)  NOT NULL DEFAULT '',
    period            INTEGER      NOT NULL,
    gender            VARCHAR(1)   NOT NULL,
    value             DOUBLE PRECISION,
    status            VARCHAR(100) NOT NULL DEFAULT '',
    member_count      INTEGER      NOT NULL DEFAULT 1,
    source            VARCHAR(300) NOT NULL,
    PRIMARY KEY (kpi_id, municipality_code, ou_code, period, gender)
);
CREATE INDEX ix_kf_value_municipality ON kf_value (municipality_code, kpi_id);

-- The KPIs the municipality follows, in the order chosen.
CREATE TABLE kf_followed_kpi (
    kpi_id     VARCHAR(20) NOT NULL PRIMARY KEY,
    sort_order INTEGER     NOT NULL DEFAULT 0
);

-- Municipalities compared with: role SIMILAR (liknande kommuner), COUNTY (länet), NATIONAL (riket), OTHER.
CREATE TABLE kf_comparison (
    municipality_code VARCHAR(20) NOT NULL PRIMARY KEY,
    role              VARCHAR(20) NOT NULL,
    sort_order        INTEGER     NOT NULL DEFAULT 0
);

-- Own key figures that are not in Kolada, e.g. personalkontinuitet measured locally.
-- measure: MEDIAN, MEAN, SHARE (0–100 %), COUNT; lower_is_better tells how a change reads.
CREATE TABLE kf_own_figure (
    id              ${id_pk},
    code            VARCHAR(40)  NOT NULL UNIQUE,
    name            VARCHAR(300) NOT NULL,
    measure         VARCHAR(20)  NOT NULL,
    unit_label      VARCHAR(60),
    lower_is_better BOOLEAN      NOT NULL DEFAULT FALSE,
    description     TEXT
);

-- One value of an own figure per unit and period: month 0 is the whole year. n is how many were measured.
CREATE TABLE kf_own_value (
    figure_id BIGINT  NOT NULL REFERENCES kf_own_figure (id),
    unit_id   BIGINT  NOT NULL REFERENCES unit (id),
    year      INTEGER NOT NULL,
    month     INTEGER NOT NULL DEFAULT 0,
    value     DOUBLE PRECISION,
    n         INTEGER,
    PRIMARY KEY (figure_id, unit_id, year, month)
);

-- The national user survey per unit, year and question: the share of positive answers (0–100 %), respondents,
-- invited and the response rate as published. positive_share NULL = not published (too few respondents or missing).
CREATE TABLE survey_result (
    survey_year    INTEGER      NOT NULL,
    unit_id        BIGINT       NOT NULL REFERENCES unit (id),
    question_code  VARCHAR(40)  NOT NULL,
    question       VARCHAR(500) NOT NULL,
    positive_share DOUBLE PRECISION,
    respondents    INTEGER,
    invited        INTEGER,
    response_rate  DOUBLE PRECISION,
    source         VARCHAR(300) NOT NULL,
    PRIMARY KEY (survey_year, unit_id, question_code)
);

-- Aggregated individual follow-up (seed 000): one row per follow-up of one person's insats, pseudonymous.
-- NULL in a yes/no column means "not assessed" and is left out of that share's denominator.
CREATE TABLE individual_follow_up (
    id                 ${id_pk},
    case_ref           VARCHAR(60)  NOT NULL,
    followed_up_on     DATE         NOT NULL,
    unit_id            BIGINT       NOT NULL REFERENCES unit (id),
    insats             VARCHAR(100) NOT NULL,
    plan_exists        BOOLEAN,
    plan_up_to_date    BOOLEAN,
    meets_decision     BOOLEAN,
    wishes_followed_up BOOLEAN,
    remark             TEXT,
    created_at         TIMESTAMP    NOT NULL,
    UNIQUE (case_ref, followed_up_on, insats)
);
CREATE INDEX ix_individual_follow_up_date ON individual_follow_up (followed_up_on, unit_id);

-- Deviation register (avvikelser) with configurable taxonomies and a shared action table.

CREATE TABLE deviation_category (
    id     ${id_pk},
    name   VARCHAR(200) NOT NULL UNIQUE,
    active BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE cause_category (
    id     ${id_pk},
    name   VARCHAR(200) NOT NULL UNIQUE,
    active BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE measure_type (
    id     ${id_pk},
    name   VARCHAR(200) NOT NULL UNIQUE,
    active BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE deadline_rule (
    kind VARCHAR(40) NOT NULL PRIMARY KEY,
    days INTEGER     NOT NULL
);

CREATE TABLE deviation (
    id                ${id_pk},
    case_ref          VARCHAR(40)  NOT NULL,
    kind              VARCHAR(40)  NOT NULL,
    law               VARCHAR(10)  NOT NULL,
    unit_id           BIGINT       NOT NULL REFERENCES unit (id),
    category_id       BIGINT REFERENCES deviation_category (id),
    status            VARCHAR(20)  NOT NULL,
    occurred_on       DATE,
    reported_on       DATE,
    registered_on     DATE         NOT NULL,
    due_on            DATE,
    closed_on         DATE,
    reporter_role     VARCHAR(100),
    title             VARCHAR(300) NOT NULL,
    description       TEXT,
    immediate_actions TEXT,
    facts             TEXT,
    cause_text        TEXT,
    assessment        VARCHAR(40),
    serious           BOOLEAN      NOT NULL DEFAULT FALSE,
    ivo_reported_on   DATE,
    ivo_reference     VARCHAR(100),
    external_source   VARCHAR(100),
    external_id       VARCHAR(200),
    updated_at        TIMESTAMP    NOT NULL
);
CREATE INDEX ix_dev_registered ON deviation (registered_on);
CREATE INDEX ix_dev_unit_registered ON deviation (unit_id, registered_on);
CREATE INDEX ix_dev_kind_registered ON deviation (kind, registered_on);
CREATE INDEX ix_dev_status_due ON deviation (status, due_on);
CREATE INDEX ix_dev_category ON deviation (category_id, registered_on);
CREATE UNIQUE INDEX ux_dev_external ON deviation (external_source, external_id);

CREATE TABLE deviation_cause (
    deviation_id      BIGINT NOT NULL REFERENCES deviation (id) ON DELETE CASCADE,
    cause_category_id BIGINT NOT NULL REFERENCES cause_category (id),
    PRIMARY KEY (deviation_id, cause_category_id)
);
CREATE INDEX ix_devcause_cause ON deviation_cause (cause_category_id);

CREATE TABLE deviation_link (
    from_id   BIGINT      NOT NULL REFERENCES deviation (id) ON DELETE CASCADE,
    to_id     BIGINT      NOT NULL REFERENCES deviation (id) ON DELETE CASCADE,
    link_type VARCHAR(20) NOT NULL,
    PRIMARY KEY (from_id, to_id)
);

-- Improvement actions (åtgärder) from every source: deviations now, self-checks,
-- risk analyses and councils later. source_type + source_id link back.
CREATE TABLE action_item (
    id              ${id_pk},
    source_type     VARCHAR(30)  NOT NULL,
    source_id       BIGINT       NOT NULL,
    unit_id         BIGINT REFERENCES unit (id),
    what            TEXT         NOT NULL,
    measure_type_id BIGINT REFERENCES measure_type (id),
    responsible     VARCHAR(200),
    due_on          DATE,
    done_on         DATE,
    effect_check    TEXT,
    effective       BOOLEAN
);
CREATE INDEX ix_action_source ON action_item (source_type, source_id);
CREATE INDEX ix_action_due ON action_item (done_on, due_on);
CREATE INDEX ix_action_measure ON action_item (measure_type_id);

CREATE TABLE saved_filter (
    id         ${id_pk},
    screen     VARCHAR(40)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    definition TEXT         NOT NULL,
    UNIQUE (screen, name)
);

CREATE TABLE import_mapping (
    id         ${id_pk},
    name       VARCHAR(200) NOT NULL UNIQUE,
    definition TEXT         NOT NULL
);

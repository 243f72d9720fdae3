-- Self-checks (egenkontroller, SOSFS 2011:9 5 kap. 2 §): versioned templates, rounds sent to
-- units, one response per unit and round, answers per question. Improvement actions from a
-- finding live in action_item with source_type 'SELF_CHECK' and source_id = the answer id.

CREATE TABLE self_check_template (
    id          ${id_pk},
    family_id   BIGINT,
    version     INTEGER      NOT NULL,
    name        VARCHAR(300) NOT NULL,
    description TEXT,
    frozen      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP    NOT NULL
);
CREATE INDEX ix_sct_family ON self_check_template (family_id, version);

CREATE TABLE self_check_section (
    id          ${id_pk},
    template_id BIGINT       NOT NULL REFERENCES self_check_template (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    title       VARCHAR(300) NOT NULL
);
CREATE INDEX ix_scs_template ON self_check_section (template_id, position);

CREATE TABLE self_check_question (
    id             ${id_pk},
    section_id     BIGINT       NOT NULL REFERENCES self_check_section (id) ON DELETE CASCADE,
    template_id    BIGINT       NOT NULL REFERENCES self_check_template (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    question_key   VARCHAR(80)  NOT NULL,
    text           TEXT         NOT NULL,
    answer_type    VARCHAR(30)  NOT NULL,
    required       BOOLEAN      NOT NULL DEFAULT FALSE,
    help_text      TEXT,
    reference_text TEXT,
    options        TEXT,
    finding_rule   VARCHAR(400)
);
CREATE INDEX ix_scq_template ON self_check_question (template_id, position);

CREATE TABLE self_check_round (
    id                     ${id_pk},
    name                   VARCHAR(300) NOT NULL,
    template_id            BIGINT       NOT NULL REFERENCES self_check_template (id),
    period_start           DATE         NOT NULL,
    period_end             DATE         NOT NULL,
    due_on                 DATE         NOT NULL,
    scope_unit_id          BIGINT REFERENCES unit (id),
    scope_business_area_id BIGINT REFERENCES business_area (id),
    created_at             TIMESTAMP    NOT NULL
);

CREATE TABLE self_check_response (
    id            ${id_pk},
    round_id      BIGINT       NOT NULL REFERENCES self_check_round (id) ON DELETE CASCADE,
    unit_id       BIGINT       NOT NULL REFERENCES unit (id),
    status        VARCHAR(20)  NOT NULL,
    updated_at    TIMESTAMP,
    submitted_at  TIMESTAMP,
    submitted_by  VARCHAR(200),
    reopen_reason TEXT,
    UNIQUE (round_id, unit_id)
);
CREATE INDEX ix_scr_unit ON self_check_response (unit_id, status);

CREATE TABLE self_check_answer (
    id           ${id_pk},
    response_id  BIGINT  NOT NULL REFERENCES self_check_response (id) ON DELETE CASCADE,
    question_id  BIGINT  NOT NULL REFERENCES self_check_question (id),
    answer_value TEXT,
    comment      TEXT,
    finding      BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (response_id, question_id)
);
CREATE INDEX ix_sca_question ON self_check_answer (question_id, answer_value);

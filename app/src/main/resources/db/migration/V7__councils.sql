-- Kvalitetsråd (quality councils), kvalitetsdialog, kvalitetsplan and årshjul (annual cycle), DOMAIN.md §2.4–2.5.
-- Council decisions are action_item rows with source_type 'COUNCIL' and source_id = the meeting id.

CREATE TABLE council_meeting (
    id         ${id_pk},
    unit_id    BIGINT       NOT NULL REFERENCES unit (id),
    held_on    DATE         NOT NULL,
    title      VARCHAR(300) NOT NULL,
    held       BOOLEAN      NOT NULL DEFAULT FALSE,
    patterns   TEXT,
    notes      TEXT,
    updated_at TIMESTAMP    NOT NULL
);
CREATE INDEX ix_council_unit_date ON council_meeting (unit_id, held_on);

CREATE TABLE council_participant (
    id         ${id_pk},
    meeting_id BIGINT       NOT NULL REFERENCES council_meeting (id) ON DELETE CASCADE,
    name       VARCHAR(200) NOT NULL,
    role       VARCHAR(100) NOT NULL
);
CREATE INDEX ix_council_participant ON council_participant (meeting_id);

-- Items added by hand; the rest of the agenda is built from the register each time it is shown.
CREATE TABLE council_agenda_item (
    id         ${id_pk},
    meeting_id BIGINT       NOT NULL REFERENCES council_meeting (id) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    title      VARCHAR(300) NOT NULL,
    detail     TEXT
);
CREATE INDEX ix_council_agenda ON council_agenda_item (meeting_id, position);

CREATE TABLE council_reviewed_deviation (
    meeting_id   BIGINT NOT NULL REFERENCES council_meeting (id) ON DELETE CASCADE,
    deviation_id BIGINT NOT NULL REFERENCES deviation (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, deviation_id)
);

-- Follow-up of an action at a meeting: DONE, NOT_DONE or CARRIED_OVER (the same action_item, linked again).
CREATE TABLE council_follow_up (
    meeting_id BIGINT      NOT NULL REFERENCES council_meeting (id) ON DELETE CASCADE,
    action_id  BIGINT      NOT NULL REFERENCES action_item (id) ON DELETE CASCADE,
    outcome    VARCHAR(20) NOT NULL,
    note       TEXT,
    PRIMARY KEY (meeting_id, action_id)
);
CREATE INDEX ix_council_follow_up_action ON council_follow_up (action_id);

-- Risk or event analyses ordered by a council decision.
CREATE TABLE council_ordered_analysis (
    meeting_id  BIGINT NOT NULL REFERENCES council_meeting (id) ON DELETE CASCADE,
    action_id   BIGINT NOT NULL REFERENCES action_item (id) ON DELETE CASCADE,
    analysis_id BIGINT NOT NULL REFERENCES risk_analysis (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, analysis_id)
);

-- Kvalitetsdialog: once a year per work group; inputs and outcomes feed the unit's quality plan.
CREATE TABLE quality_dialogue (
    id                    ${id_pk},
    unit_id               BIGINT       NOT NULL REFERENCES unit (id),
    dialogue_year         INTEGER      NOT NULL,
    work_group            VARCHAR(200) NOT NULL,
    held_on               DATE,
    led_by                VARCHAR(200),
    staff_self_assessment TEXT,
    user_dialogue         TEXT,
    relative_dialogue     TEXT,
    survey_results        TEXT,
    complaints            TEXT,
    strengths             TEXT,
    improvements          TEXT,
    updated_at            TIMESTAMP    NOT NULL
);
CREATE INDEX ix_dialogue_unit_year ON quality_dialogue (unit_id, dialogue_year);

-- Kvalitetsplan per unit or section and year: goals; activities are action_item rows with source_type
-- 'QUALITY_PLAN' and source_id = the plan id; actions of other sources can be linked in.
CREATE TABLE quality_plan (
    id         ${id_pk},
    unit_id    BIGINT       NOT NULL REFERENCES unit (id),
    plan_year  INTEGER      NOT NULL,
    title      VARCHAR(300) NOT NULL,
    UNIQUE (unit_id, plan_year)
);

CREATE TABLE quality_goal (
    id          ${id_pk},
    plan_id     BIGINT      NOT NULL REFERENCES quality_plan (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    goal        TEXT        NOT NULL,
    indicator   TEXT,
    status      VARCHAR(20) NOT NULL,
    dialogue_id BIGINT REFERENCES quality_dialogue (id)
);
CREATE INDEX ix_goal_plan ON quality_goal (plan_id, position);

CREATE TABLE quality_plan_link (
    plan_id   BIGINT NOT NULL REFERENCES quality_plan (id) ON DELETE CASCADE,
    action_id BIGINT NOT NULL REFERENCES action_item (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, action_id)
);

-- Årshjul: recurring activities (due month/day), editable; completion per year.
CREATE TABLE annual_activity (
    id          ${id_pk},
    title       VARCHAR(300) NOT NULL,
    description TEXT,
    due_month   INTEGER      NOT NULL,
    due_day     INTEGER      NOT NULL,
    recurring   BOOLEAN      NOT NULL DEFAULT TRUE,
    start_year  INTEGER,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE annual_activity_done (
    activity_id BIGINT  NOT NULL REFERENCES annual_activity (id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    done_on     DATE    NOT NULL,
    PRIMARY KEY (activity_id, year)
);

INSERT INTO annual_activity (title, description, due_month, due_day, recurring, active) VALUES
    ('Patientsäkerhetsberättelse klar', 'Patientsäkerhetsberättelsen för föregående år ska vara klar senast 1 mars.', 3, 1, TRUE, TRUE),
    ('Egenkontroll (vår)', 'Egenkontrollomgång i mars: alla enheter besvarar egenkontrollen.', 3, 31, TRUE, TRUE),
    ('Kvalitetsberättelse', 'Årlig kvalitetsberättelse om föregående års systematiska kvalitetsarbete (SOSFS 2011:9).', 3, 31, TRUE, TRUE),
    ('Lex Sarah-information till all personal (vår)', 'Information om rapporteringsskyldigheten enligt lex Sarah.', 4, 30, TRUE, TRUE),
    ('Kvalitetsrapport tertial 1', 'Rapport till nämnden efter tertial 1: klagomål, lex Sarah, avvikelser, lex Maria, externa granskningar med trendanalys.', 5, 31, TRUE, TRUE),
    ('Uppföljning internkontroll (vår)', 'Uppföljning av internkontrollplanen.', 6, 15, TRUE, TRUE),
    ('Egenkontroll (höst)', 'Egenkontrollomgång i september: alla enheter besvarar egenkontrollen.', 9, 30, TRUE, TRUE),
    ('Kvalitetsrapport tertial 2', 'Rapport till nämnden efter tertial 2: klagomål, lex Sarah, avvikelser, lex Maria, externa granskningar med trendanalys.', 9, 30, TRUE, TRUE),
    ('Lex Sarah-information till all personal (höst)', 'Information om rapporteringsskyldigheten enligt lex Sarah.', 10, 31, TRUE, TRUE),
    ('Uppföljning internkontroll (höst)', 'Uppföljning av internkontrollplanen.', 12, 15, TRUE, TRUE);

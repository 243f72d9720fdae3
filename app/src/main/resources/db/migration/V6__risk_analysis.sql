-- Risk analyses and event analyses (riskanalys, händelseanalys; DOMAIN.md §2.2, SOSFS 2011:9 5 kap. 1 §).
-- Templates hold the steps and the risk matrix as JSON (editable per organisation). Measures are action_item rows
-- with source_type 'RISK_ANALYSIS' and source_id = risk_analysis.id.

CREATE TABLE risk_template (
    id          ${id_pk},
    name        VARCHAR(200) NOT NULL UNIQUE,
    kind        VARCHAR(20)  NOT NULL,
    steps_json  TEXT         NOT NULL,
    matrix_json TEXT         NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE risk_analysis (
    id                  ${id_pk},
    template_id         BIGINT       NOT NULL REFERENCES risk_template (id),
    kind                VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    title               VARCHAR(300) NOT NULL,
    analysis_level      VARCHAR(20)  NOT NULL,
    unit_id             BIGINT       NOT NULL REFERENCES unit (id),
    trigger_kind        VARCHAR(30),
    analysed_on         DATE         NOT NULL,
    participants        TEXT,
    process_description TEXT,
    no_measures_reason  TEXT,
    improved_routines   TEXT,
    follow_up_on        DATE,
    decided_by          VARCHAR(200),
    decided_on          DATE,
    previous_id         BIGINT REFERENCES risk_analysis (id),
    updated_at          TIMESTAMP    NOT NULL
);
CREATE INDEX ix_risk_analysis_unit ON risk_analysis (unit_id, analysed_on);
CREATE INDEX ix_risk_analysis_date ON risk_analysis (analysed_on);
CREATE INDEX ix_risk_analysis_previous ON risk_analysis (previous_id);

CREATE TABLE risk_item (
    id                   ${id_pk},
    analysis_id          BIGINT  NOT NULL REFERENCES risk_analysis (id) ON DELETE CASCADE,
    sort_order           INTEGER NOT NULL,
    description          TEXT    NOT NULL,
    causes               TEXT,
    barriers             TEXT,
    probability          INTEGER,
    consequence          INTEGER,
    residual_probability INTEGER,
    residual_consequence INTEGER
);
CREATE INDEX ix_risk_item_analysis ON risk_item (analysis_id);

CREATE TABLE analysis_step (
    analysis_id BIGINT  NOT NULL REFERENCES risk_analysis (id) ON DELETE CASCADE,
    step_no     INTEGER NOT NULL,
    step_text   TEXT,
    done        BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (analysis_id, step_no)
);

CREATE TABLE analysis_timeline (
    id          ${id_pk},
    analysis_id BIGINT    NOT NULL REFERENCES risk_analysis (id) ON DELETE CASCADE,
    happened_at TIMESTAMP NOT NULL,
    what        TEXT      NOT NULL
);
CREATE INDEX ix_analysis_timeline ON analysis_timeline (analysis_id);

CREATE TABLE analysis_cause (
    id          ${id_pk},
    analysis_id BIGINT      NOT NULL REFERENCES risk_analysis (id) ON DELETE CASCADE,
    category    VARCHAR(30) NOT NULL,
    cause_text  TEXT        NOT NULL
);
CREATE INDEX ix_analysis_cause ON analysis_cause (analysis_id);

CREATE TABLE analysis_deviation (
    analysis_id  BIGINT NOT NULL REFERENCES risk_analysis (id) ON DELETE CASCADE,
    deviation_id BIGINT NOT NULL REFERENCES deviation (id),
    PRIMARY KEY (analysis_id, deviation_id)
);
CREATE INDEX ix_analysis_deviation_dev ON analysis_deviation (deviation_id);

INSERT INTO risk_template (name, kind, steps_json, matrix_json) VALUES ('Riskanalys (Socialstyrelsen 4×4)', 'RISKANALYS',
    '["Kartlägg processen", "Identifiera risker", "Bedöm sannolikhet och konsekvens", "Identifiera orsaker", "Föreslå åtgärder och hur de ska följas upp", "Sammanställ rapport", "Beslut", "Utvärdera och följ upp"]',
    '{"size": 4, "probabilities": [{"value": 1, "label": "Mycket liten", "description": "Kan inträffa någon gång per år eller mer sällan"}, {"value": 2, "label": "Liten", "description": "Kan inträffa någon gång per månad"}, {"value": 3, "label": "Stor", "description": "Kan inträffa någon gång per vecka"}, {"value": 4, "label": "Mycket stor", "description": "Kan inträffa dagligen"}], "consequences": [{"value": 1, "label": "Mindre", "description": "Obehag eller tillfällig olägenhet"}, {"value": 2, "label": "Måttlig", "description": "Övergående skada, förlängd vård eller insats"}, {"value": 3, "label": "Betydande", "description": "Bestående skada eller betydande missförhållande"}, {"value": 4, "label": "Katastrofal", "description": "Dödsfall eller permanent allvarlig skada"}], "bands": [{"code": "LAG", "label": "Låg", "from": 1, "to": 2, "colour": "#4caf50"}, {"code": "MEDEL", "label": "Medel", "from": 3, "to": 4, "colour": "#ffeb3b"}, {"code": "HOG", "label": "Hög", "from": 5, "to": 8, "colour": "#ff9800"}, {"code": "MYCKET_HOG", "label": "Mycket hög", "from": 9, "to": 16, "colour": "#e53935"}]}');
INSERT INTO risk_template (name, kind, steps_json, matrix_json) VALUES ('Händelseanalys', 'HANDELSEANALYS',
    '["Initiera analysen", "Samla fakta", "Beskriv händelseförloppet", "Identifiera bakomliggande orsaker", "Föreslå åtgärder och metod för uppföljning", "Slutrapport", "Beslut om åtgärder och tidsplan", "Utvärdera och följ upp"]',
    '{"size": 4, "probabilities": [{"value": 1, "label": "Mycket liten", "description": "Kan inträffa någon gång per år eller mer sällan"}, {"value": 2, "label": "Liten", "description": "Kan inträffa någon gång per månad"}, {"value": 3, "label": "Stor", "description": "Kan inträffa någon gång per vecka"}, {"value": 4, "label": "Mycket stor", "description": "Kan inträffa dagligen"}], "consequences": [{"value": 1, "label": "Mindre", "description": "Obehag eller tillfällig olägenhet"}, {"value": 2, "label": "Måttlig", "description": "Övergående skada, förlängd vård eller insats"}, {"value": 3, "label": "Betydande", "description": "Bestående skada eller betydande missförhållande"}, {"value": 4, "label": "Katastrofal", "description": "Dödsfall eller permanent allvarlig skada"}], "bands": [{"code": "LAG", "label": "Låg", "from": 1, "to": 2, "colour": "#4caf50"}, {"code": "MEDEL", "label": "Medel", "from": 3, "to": 4, "colour": "#ffeb3b"}, {"code": "HOG", "label": "Hög", "from": 5, "to": 8, "colour": "#ff9800"}, {"code": "MYCKET_HOG", "label": "Mycket hög", "from": 9, "to": 16, "colour": "#e53935"}]}');
INSERT INTO risk_template (name, kind, steps_json, matrix_json) VALUES ('Riskanalys 5×5', 'RISKANALYS',
    '["Kartlägg processen", "Identifiera risker", "Bedöm sannolikhet och konsekvens", "Identifiera orsaker", "Föreslå åtgärder och hur de ska följas upp", "Sammanställ rapport", "Beslut", "Utvärdera och följ upp"]',
    '{"size": 5, "probabilities": [{"value": 1, "label": "Mycket osannolik", "description": "Inträffar mer sällan än vart femte år"}, {"value": 2, "label": "Osannolik", "description": "Kan inträffa någon gång per år"}, {"value": 3, "label": "Möjlig", "description": "Kan inträffa någon gång per månad"}, {"value": 4, "label": "Sannolik", "description": "Kan inträffa någon gång per vecka"}, {"value": 5, "label": "Mycket sannolik", "description": "Kan inträffa dagligen"}], "consequences": [{"value": 1, "label": "Försumbar", "description": "Ingen märkbar påverkan"}, {"value": 2, "label": "Mindre", "description": "Obehag eller tillfällig olägenhet"}, {"value": 3, "label": "Måttlig", "description": "Övergående skada, förlängd vård eller insats"}, {"value": 4, "label": "Betydande", "description": "Bestående skada eller betydande missförhållande"}, {"value": 5, "label": "Katastrofal", "description": "Dödsfall eller permanent allvarlig skada"}], "bands": [{"code": "LAG", "label": "Låg", "from": 1, "to": 4, "colour": "#4caf50"}, {"code": "MEDEL", "label": "Medel", "from": 5, "to": 9, "colour": "#ffeb3b"}, {"code": "HOG", "label": "Hög", "from": 10, "to": 14, "colour": "#ff9800"}, {"code": "MYCKET_HOG", "label": "Mycket hög", "from": 15, "to": 25, "colour": "#e53935"}]}');

-- Lists and rules as data the coordinator edits (issue 21, decision 0015): verksamhetsområden can be retired,
-- deadline rules carry their legal reference, laws and legal references have validity dates (SoL 2001:453 until
-- 2025-06-30, SoL 2025:400 from 2025-07-01), risk-analysis reasons and council types are lists, and units carry
-- the external id (cost centre, HR/economy system id) an organisation file is matched by.

ALTER TABLE business_area ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE deadline_rule ADD COLUMN legal_reference VARCHAR(300);
UPDATE deadline_rule SET legal_reference = 'SOSFS 2011:9 5 kap. 3–6 §§' WHERE kind IN ('KLAGOMAL_EXTERN', 'KLAGOMAL_PERSONAL');
UPDATE deadline_rule SET legal_reference = 'SOSFS 2011:9 5 kap. 3 §' WHERE kind IN ('KVALITETSAVVIKELSE', 'HSL_AVVIKELSE');
UPDATE deadline_rule SET legal_reference = 'SoL 14 kap. 3–7 §§, LSS 24 a–g §§' WHERE kind = 'LEX_SARAH';
UPDATE deadline_rule SET legal_reference = 'PSL 3 kap. 5 §' WHERE kind = 'LEX_MARIA';

CREATE TABLE legal_law (
    code       VARCHAR(10)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    sort_order INTEGER      NOT NULL DEFAULT 0
);
INSERT INTO legal_law (code, name, sort_order) VALUES ('SOL', 'Socialtjänstlagen', 1);
INSERT INTO legal_law (code, name, sort_order) VALUES ('LSS', 'Lag om stöd och service till vissa funktionshindrade', 2);
INSERT INTO legal_law (code, name, sort_order) VALUES ('HSL', 'Hälso- och sjukvårdslagen', 3);
INSERT INTO legal_law (code, name, sort_order) VALUES ('PSL', 'Patientsäkerhetslagen', 4);

-- valid_from/valid_to NULL = open-ended. A record dated D shows the reference of its law valid on D.
CREATE TABLE legal_reference (
    id         ${id_pk},
    law_code   VARCHAR(10)  NOT NULL REFERENCES legal_law (code),
    citation   VARCHAR(200) NOT NULL,
    valid_from DATE,
    valid_to   DATE,
    UNIQUE (law_code, citation)
);
INSERT INTO legal_reference (law_code, citation, valid_from, valid_to) VALUES ('SOL', 'SoL (2001:453)', NULL, '2025-06-30');
INSERT INTO legal_reference (law_code, citation, valid_from, valid_to) VALUES ('SOL', 'SoL (2025:400)', '2025-07-01', NULL);
INSERT INTO legal_reference (law_code, citation, valid_from, valid_to) VALUES ('LSS', 'LSS (1993:387)', NULL, NULL);
INSERT INTO legal_reference (law_code, citation, valid_from, valid_to) VALUES ('HSL', 'HSL (2017:30)', NULL, NULL);
INSERT INTO legal_reference (law_code, citation, valid_from, valid_to) VALUES ('PSL', 'PSL (2010:659)', NULL, NULL);

CREATE TABLE risk_reason (
    id         ${id_pk},
    code       VARCHAR(40)  NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order INTEGER      NOT NULL DEFAULT 0
);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('OMORGANISATION', 'Omorganisation', 1);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('NYTT_ARBETSSATT', 'Nytt arbetssätt', 2);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('FLYTT', 'Flytt', 3);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('SCHEMAANDRING', 'Schemaändring', 4);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('NYTT_IT_SYSTEM', 'Nytt IT-system', 5);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('BEMANNING', 'Bemanning', 6);
INSERT INTO risk_reason (code, name, sort_order) VALUES ('ANNAT', 'Annat', 7);

CREATE TABLE council_type (
    id         ${id_pk},
    code       VARCHAR(40)  NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order INTEGER      NOT NULL DEFAULT 0
);
INSERT INTO council_type (code, name, sort_order) VALUES ('KVALITETSRAD_SEKTION', 'Kvalitetsråd (sektion)', 1);
INSERT INTO council_type (code, name, sort_order) VALUES ('KVALITETSRAD_AVDELNING', 'Kvalitetsråd (avdelning)', 2);
INSERT INTO council_type (code, name, sort_order) VALUES ('KVALITETSDIALOG', 'Kvalitetsdialog', 3);
INSERT INTO council_type (code, name, sort_order) VALUES ('LEDNINGSGRUPP', 'Ledningsgrupp', 4);
ALTER TABLE council_meeting ADD COLUMN council_type_id BIGINT REFERENCES council_type (id);

ALTER TABLE unit ADD COLUMN external_id VARCHAR(100);
CREATE UNIQUE INDEX ux_unit_external ON unit (external_id);

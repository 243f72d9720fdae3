-- Hand-over of self-checks by file (issue #4), for section chiefs with their own local database.
-- A round gets an identity that is the same in every database (a UUID, filled for older rounds
-- when a form is first exported). A section chief's database keeps a copy of the round
-- (handover_copy = TRUE) and, per response, which unit of the coordinator's database it stands
-- for. The coordinator's database logs every answer file it has taken in, so that the same file
-- imported again changes nothing.

ALTER TABLE self_check_round ADD COLUMN uid VARCHAR(36);
ALTER TABLE self_check_round ADD COLUMN handover_copy BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX ux_scr_round_uid ON self_check_round (uid);

CREATE TABLE self_check_form_copy (
    id               ${id_pk},
    response_id      BIGINT       NOT NULL UNIQUE REFERENCES self_check_response (id) ON DELETE CASCADE,
    source_unit_id   BIGINT       NOT NULL,
    source_unit_name VARCHAR(200) NOT NULL,
    source_unit_path TEXT,
    template_hash    VARCHAR(64)  NOT NULL,
    file_checksum    VARCHAR(64)  NOT NULL,
    opened_at        TIMESTAMP    NOT NULL
);

CREATE TABLE self_check_answer_import (
    id            ${id_pk},
    file_checksum VARCHAR(64)  NOT NULL,
    round_id      BIGINT       NOT NULL REFERENCES self_check_round (id) ON DELETE CASCADE,
    unit_id       BIGINT       NOT NULL REFERENCES unit (id),
    file_name     VARCHAR(300),
    imported_at   TIMESTAMP    NOT NULL,
    outcome       VARCHAR(20)  NOT NULL
);
CREATE INDEX ix_scai_checksum ON self_check_answer_import (file_checksum);
CREATE INDEX ix_scai_round_unit ON self_check_answer_import (round_id, unit_id);

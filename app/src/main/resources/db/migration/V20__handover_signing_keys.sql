-- Signed hand-over files (issue #16, decision 16). The coordinator's database holds one secret per round,
-- made when the round's first form file is exported; each unit's form carries a key derived from it (HMAC of
-- the round's uid and the unit's id), and the answer file is signed with that key (HMAC-SHA256 over its
-- canonical content). A section chief's database keeps the key of each form it has opened, beside the copy.
-- Neither key is written to the audit trail (its rows say that a key was made, not the key).

CREATE TABLE self_check_round_key (
    round_id   BIGINT      NOT NULL PRIMARY KEY REFERENCES self_check_round (id) ON DELETE CASCADE,
    secret     VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);

CREATE TABLE self_check_form_key (
    form_copy_id BIGINT      NOT NULL PRIMARY KEY REFERENCES self_check_form_copy (id) ON DELETE CASCADE,
    signing_key  VARCHAR(64) NOT NULL
);

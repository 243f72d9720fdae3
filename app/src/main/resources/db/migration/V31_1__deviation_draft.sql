-- Autosaved drafts of the deviation editor (issue 18, decision 0027): the form as it stands, a moment after each
-- change and when the window closes, so that a half-written report survives a crash. In the database, not in a file
-- beside it: the draft holds free text about people and must be as protected as the register (encrypted with the
-- file, row security on a server) and never lie around in the user's folders. One draft per person and form
-- ('new' for a new deviation, 'd<id>' for an existing one); removed when the deviation is saved or the draft is
-- discarded. Not audited: it is nobody's record until it is saved, and the audit trail would keep the free text.
CREATE TABLE deviation_draft (
    login        VARCHAR(63)  NOT NULL,
    draft_key    VARCHAR(40)  NOT NULL,
    deviation_id BIGINT REFERENCES deviation (id) ON DELETE CASCADE,
    saved_at     TIMESTAMP    NOT NULL,
    content      TEXT         NOT NULL,
    PRIMARY KEY (login, draft_key)
);

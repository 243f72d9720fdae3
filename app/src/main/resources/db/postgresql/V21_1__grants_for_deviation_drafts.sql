-- The deviation editor's autosaved drafts (common V31_1, decision 0027): each person's own, whoever may register
-- deviations; nobody reads another's draft.
GRANT SELECT, INSERT, UPDATE, DELETE ON deviation_draft TO kvh_anvandare;
ALTER TABLE deviation_draft ENABLE ROW LEVEL SECURITY;
CREATE POLICY deviation_draft_own ON deviation_draft TO kvh_anvandare
    USING (login = session_user::text) WITH CHECK (login = session_user::text);

-- Grants for the tables added by the common migration V20 (signed hand-over files, decision 16). The quality
-- coordinator exports forms (which makes a round's secret) and takes answer files in (which reads it); a section
-- chief who opens a form file in a server database keeps its key. Nobody else reads them: läsare, SAS, MAS and
-- council members never sign or verify hand-over files. Numbered 20 like the common migration, so that helpers
-- adding server migrations in parallel do not collide.
GRANT SELECT, INSERT, UPDATE, DELETE ON self_check_round_key, self_check_form_key TO kvh_kvalitetsutvecklare;
GRANT SELECT, INSERT, UPDATE ON self_check_form_key TO kvh_sektionschef;

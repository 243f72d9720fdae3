-- The kvalitetsberättelse's sections in seed 002's shape beyond the five fixed texts (issue 21, decision 0023):
-- processes and routines, the year's improvement work, the pattern analysis, risk analyses with internal control,
-- self-checks, what each kind's cases were about and the follow-up of each of last year's priorities, stored as one
-- JSON object of section key → text per report period and subtree.
ALTER TABLE report_text ADD COLUMN section_texts TEXT;

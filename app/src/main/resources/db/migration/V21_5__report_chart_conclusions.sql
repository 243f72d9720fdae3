-- Conclusions under the report charts (issue 20): the sentence the author wrote under a chart of the tertial report
-- or the kvalitetsberättelse, kept with the report's other texts (one row of report_text per year, tertial and
-- subtree). One line per chart: its key, a tab, the sentence (tabs and line breaks in the sentence are spaces).
-- NULL or a chart without a line: the sentence drafted from the chart's signals is used.

ALTER TABLE report_text ADD COLUMN chart_conclusions TEXT;

-- The date a deviation was assessed (status "Bedömd"), so that a report can count by decision date as the board
-- reads it ("Arbetsutskottet har under 2022 behandlat 34 lex Sarah-utredningar …"), issue 21, decision 0023.
-- Records assessed before this column existed keep NULL: no date is invented; a report counting by assessment
-- date says how many assessed records lack one.
ALTER TABLE deviation ADD COLUMN assessed_on DATE;
CREATE INDEX ix_dev_assessed ON deviation (assessed_on);

-- Bilaga 2 in the board's shape (issue 21, decision 0015): per response (one check at one reporting unit, as the
-- round was sent) the unit as the board writes it ("Enhet Stöd och behandling vuxna: samtliga sektioner"), the
-- coordinator's row order, a free result text ("16 % av de kontrollerade ärendena följer inte principerna") and the
-- improvement actions as written. NULL = the default (the unit's name, the order of the tree, the result phrase,
-- the actions of the self-check).

ALTER TABLE self_check_response ADD COLUMN display_name VARCHAR(500);
ALTER TABLE self_check_response ADD COLUMN result_text TEXT;
ALTER TABLE self_check_response ADD COLUMN actions_text TEXT;
ALTER TABLE self_check_response ADD COLUMN bilaga_position INTEGER;

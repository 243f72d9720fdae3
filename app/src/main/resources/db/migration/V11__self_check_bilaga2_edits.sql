-- Bilaga 2 of the annual quality report (issue: compilation of a self-check round). The result phrase per unit
-- ("Inga anmärkningar", "Vissa brister har konstaterats", "Brister har konstaterats") is derived from the answers,
-- but the coordinator may set it by hand (result_override: a ResultLevel name; NULL = use the derived one) and
-- write which processes and routines were improved (improved_routines; NULL = the routines of the done actions).

ALTER TABLE self_check_response ADD COLUMN result_override VARCHAR(30);
ALTER TABLE self_check_response ADD COLUMN improved_routines TEXT;

-- Issue 15 (decision 0034): the tables of the common migration V22 (a unit's key figures: Kolada's organisational
-- units, their links to our units, the measures' KPIs) had no grants, so every login but the owner was refused when
-- a screen read them (Rapporter and Nyckeltal → Per enhet, found by walking every screen as each role). Reference
-- data without free text or persons: everyone reads, the quality coordinator keeps them.
GRANT SELECT ON kf_ou, kf_ou_unit, kf_measure_kpi TO kvh_anvandare;
GRANT INSERT, UPDATE, DELETE ON kf_ou, kf_ou_unit, kf_measure_kpi TO kvh_kvalitetsutvecklare;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO kvh_anvandare;

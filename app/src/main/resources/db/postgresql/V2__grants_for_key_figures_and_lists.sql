-- Grants for the tables added by the common migrations V16 (key figures, user survey, individual follow-up) and
-- V19 (lists and rules), decision 10. Lists and key figures are for everyone to read; the quality coordinator keeps
-- them. The aggregated individual follow-up is read by the roles that work with cases, never by läsare.
GRANT SELECT ON kf_kpi, kf_municipality, kf_value, kf_followed_kpi, kf_comparison, kf_own_figure, kf_own_value,
    survey_result, legal_law, legal_reference, risk_reason, council_type TO kvh_anvandare;
GRANT SELECT ON individual_follow_up
    TO kvh_sektionschef, kvh_kvalitetsutvecklare, kvh_sas, kvh_mas, kvh_radsledamot;
GRANT INSERT, UPDATE, DELETE ON kf_kpi, kf_municipality, kf_value, kf_followed_kpi, kf_comparison, kf_own_figure,
    kf_own_value, survey_result, individual_follow_up, legal_law, legal_reference, risk_reason, council_type
    TO kvh_kvalitetsutvecklare;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO kvh_anvandare;

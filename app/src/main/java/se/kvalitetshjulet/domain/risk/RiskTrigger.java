package se.kvalitetshjulet.domain.risk;

/** Anledning till riskanalysen: the changes SOSFS 2011:9 5 kap. 1 § asks the provider to think before. */
public enum RiskTrigger { OMORGANISATION, NYTT_ARBETSSATT, FLYTT, SCHEMAANDRING, NYTT_IT_SYSTEM, BEMANNING, ANNAT }

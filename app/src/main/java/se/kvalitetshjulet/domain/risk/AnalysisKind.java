package se.kvalitetshjulet.domain.risk;

/** Typ av analys: riskanalys ("tänk före") or händelseanalys (after a serious event), DOMAIN.md §2.2. */
public enum AnalysisKind { RISKANALYS, HANDELSEANALYS }

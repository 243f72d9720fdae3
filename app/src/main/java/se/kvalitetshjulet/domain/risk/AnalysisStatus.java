package se.kvalitetshjulet.domain.risk;

/**
 * Status för en risk- eller händelseanalys: utkast (being written), beslutad (the person who decides has taken
 * the measures or "inga åtgärder"), uppföljd (the effect of the measures has been evaluated).
 */
public enum AnalysisStatus { UTKAST, BESLUTAD, UPPFOLJD }

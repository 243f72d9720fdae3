package se.kvalitetshjulet.domain.risk;

/**
 * One row of the annual quality report's appendix (kvalitetsberättelse, Bilaga 1): per verksamhetsområde, the
 * analysis, where it was done, the improvement measures taken and the processes and routines improved.
 */
public record AppendixRow(String businessArea, long analysisId, String analysis, String where, String measures,
                          String improvedRoutines) {
}

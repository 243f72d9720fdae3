package se.kvalitetshjulet.domain.report;

/**
 * The reports the quality department hands the board (DOMAIN.md §2.5): kvalitetsberättelse (annual), kvalitetsrapport
 * per tertial, and nämndunderlag (board material for one meeting).
 */
public enum ReportKind {
    /** Kvalitetsberättelse: the year's systematic quality work, with Bilaga 1 and 2. */
    ANNUAL,
    /** Kvalitetsrapport per tertial: complaints, lex Sarah, HSL/SoL/LSS, lex Maria, external audits, analysis. */
    TERTIAL,
    /** Nämndunderlag: a short dated document for one board meeting. */
    BOARD
}

package se.kvalitetshjulet.service.keyfigure;

import java.util.Set;

/** Numbers as Swedish exports write them: "87,5", "87.5 %", "1 234", with markers for suppressed values. */
public final class Numbers {
    /** Cells that mean "not published" (too few respondents) rather than a number. */
    private static final Set<String> SUPPRESSED = Set.of("*", "**", "-", "–", "—", "..", "x", "X", "s", "S", "–*",
            "ej redovisat", "ej redovisad", "för få svar", "för få svarande", "färre än 30 svar",
            "färre än 30 svarande", "sekretess");

    private Numbers() {
    }

    /** Whether the cell marks a suppressed or missing value. */
    public static boolean suppressedMarker(String raw) {
        return raw != null && (SUPPRESSED.contains(raw.strip())
                || SUPPRESSED.contains(raw.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * A decimal number with a comma or a point as decimal separator, spaces or non-breaking spaces between
     * thousands and an optional "%" at the end; {@code null} for an empty cell.
     *
     * @throws NumberFormatException with a Swedish message when the cell is not a number
     */
    public static Double decimal(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.indexOf(',') >= 0 && s.indexOf('.') >= 0) {
            s = s.replace(".", ""); // 1.234,5
        }
        s = s.replace(',', '.');
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + raw.strip() + "' är inget tal. Skriv t.ex. 87,5 (decimalkomma "
                    + "eller punkt går bra).");
        }
    }

    /** A whole number (a decimal with ",0" is accepted). */
    public static Integer whole(String raw) {
        Double d = decimal(raw);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new NumberFormatException("'" + raw.strip() + "' är inget heltal.");
        }
        return (int) Math.round(d);
    }
}

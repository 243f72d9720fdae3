package se.kvalitetshjulet.service.imports;

import java.util.List;

import se.kvalitetshjulet.domain.privacy.PersonalIdentityDetector;

/**
 * Values as the error report shows them: identity numbers masked (the report is a file that
 * may be mailed around; the row and column say where the number is) and values that a
 * spreadsheet would run as a formula prefixed with an apostrophe.
 */
final class ReportCells {
    static final String MASK = "[personnummer borttaget]";

    private ReportCells() {
    }

    static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        List<PersonalIdentityDetector.Finding> found = PersonalIdentityDetector.find(value);
        if (found.isEmpty()) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        int pos = 0;
        for (PersonalIdentityDetector.Finding f : found) {
            sb.append(value, pos, f.start()).append(MASK);
            pos = f.end();
        }
        return sb.append(value, pos, value.length()).toString();
    }

    /** Text starting with = + - @ tab or carriage return gets a leading apostrophe, so Excel shows it as text. */
    static String noFormula(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}

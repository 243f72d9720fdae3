package se.kvalitetshjulet.export;

import se.kvalitetshjulet.domain.privacy.PersonalIdentityDetector;

/**
 * Makes text safe to share: a value that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) gets a leading apostrophe, and identity numbers are
 * masked so they never leave the application by accident.
 */
public final class SafeCells {
    public static final String MASK = "[personnummer borttaget]";

    private SafeCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }

    public static String maskIdentityNumbers(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        var findings = PersonalIdentityDetector.find(value);
        if (findings.isEmpty()) {
            return value;
        }
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (var f : findings) {
            sb.append(value, pos, f.start()).append(MASK);
            pos = f.end();
        }
        sb.append(value.substring(pos));
        return sb.toString();
    }

    /** Both: what every exported free-text cell goes through. */
    public static String safe(String value) {
        return neutralise(maskIdentityNumbers(value));
    }
}

package se.kvalitetshjulet.domain.selfcheck;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * How answers are stored as text: numbers with a decimal point (a Swedish decimal comma is
 * accepted when typed), dates as yyyy-mm-dd, several choices separated by a line break.
 */
public final class AnswerValues {
    public static final String SEPARATOR = "\n";

    private AnswerValues() {
    }

    public static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<String> values) {
        return String.join(SEPARATOR, values);
    }

    /** The number typed, or {@code null} when it is not a number ("12,5" and "12.5" both work). */
    public static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The stored form of what the user typed: numbers normalised, everything else stripped. */
    public static String normalise(AnswerType type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (type.numeric()) {
            Double d = number(value);
            if (d == null) {
                return value.strip();
            }
            return d == Math.rint(d) ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return type == AnswerType.TEXT ? value : value.strip();
    }

    public static boolean isDate(String value) {
        try {
            LocalDate.parse(value.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

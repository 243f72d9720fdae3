package se.kvalitetshjulet.ui.trend;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and writes the chart settings typed as text: excluded points ("3, 7") and a target ("2,5"). */
final class SpcInput {
    private SpcInput() {
    }

    /** The 1-based point numbers, or empty when the text is not a list of positive whole numbers; blank is none. */
    static Optional<List<Integer>> points(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Optional.of(out);
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("\\d{1,4}") || Integer.parseInt(part) < 1) {
                return Optional.empty();
            }
            out.add(Integer.parseInt(part));
        }
        return Optional.of(out);
    }

    static String format(List<Integer> points) {
        return points.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A number in the user's notation (decimal comma in Swedish, a point also accepted); empty when not a number. */
    static Optional<Double> number(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2212", "-");
        if (t.matches("[-+]?\\d+([.,]\\d+)?")) {
            return Optional.of(Double.parseDouble(t.replace(',', '.')));
        }
        ParsePosition pos = new ParsePosition(0);
        Number n = NumberFormat.getNumberInstance(locale).parse(t, pos);
        return n != null && pos.getIndex() == t.length() ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    static String format(double x, Locale locale) {
        return se.kvalitetshjulet.domain.NumberText.of(locale).number(x);
    }
}

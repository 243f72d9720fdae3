package se.kvalitetshjulet.domain.selfcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Vilka svar räknas som brist: the answers to a question that count as a finding. For choice
 * questions a set of values (e.g. NEJ and DELVIS); for numbers and percentages a threshold
 * (below and/or above). Text and date answers are never findings. Stored as one short text.
 */
public record FindingRule(Set<String> values, Double below, Double above) {
    public static final FindingRule NONE = new FindingRule(Set.of(), null, null);
    /** The usual rule for ja/nej/delvis questions: "nej" and "delvis" are findings. */
    public static final FindingRule NO_OR_PARTLY = new FindingRule(Set.of("NEJ", "DELVIS"), null, null);

    public FindingRule {
        values = values == null ? Set.of() : Set.copyOf(values);
    }

    public static FindingRule values(String... v) {
        return new FindingRule(new LinkedHashSet<>(Arrays.asList(v)), null, null);
    }

    public static FindingRule below(double limit) {
        return new FindingRule(Set.of(), limit, null);
    }

    public boolean isNone() {
        return values.isEmpty() && below == null && above == null;
    }

    /** Whether {@code value} (as stored, see {@link AnswerValues}) is a finding for a question of {@code type}. */
    public boolean isFinding(AnswerType type, String value) {
        if (value == null || value.isBlank() || isNone()) {
            return false;
        }
        return switch (type) {
            case YES_NO, SINGLE_CHOICE -> values.contains(value);
            case MULTIPLE_CHOICE -> AnswerValues.split(value).stream().anyMatch(values::contains);
            case NUMBER, PERCENTAGE -> {
                Double d = AnswerValues.number(value);
                yield d != null && ((below != null && d < below) || (above != null && d > above));
            }
            case TEXT, DATE -> false;
        };
    }

    /** "values:NEJ|DELVIS", "below:80", "below:80;above:100" or empty. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        if (!values.isEmpty()) {
            parts.add("values:" + String.join("|", values.stream().sorted().toList()));
        }
        if (below != null) {
            parts.add("below:" + below);
        }
        if (above != null) {
            parts.add("above:" + above);
        }
        return String.join(";", parts);
    }

    public static FindingRule decode(String s) {
        if (s == null || s.isBlank()) {
            return NONE;
        }
        Set<String> vals = new LinkedHashSet<>();
        Double b = null;
        Double a = null;
        for (String part : s.split(";")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String k = part.substring(0, colon).strip();
            String v = part.substring(colon + 1).strip();
            switch (k) {
                case "values" -> vals.addAll(Arrays.stream(v.split("\\|")).filter(x -> !x.isBlank()).toList());
                case "below" -> b = Double.valueOf(v);
                case "above" -> a = Double.valueOf(v);
                default -> { }
            }
        }
        return new FindingRule(vals, b, a);
    }
}

package se.kvalitetshjulet.domain.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one privacy check for free text that may identify a person: identity numbers (personnummer and
 * samordningsnummer, also mistyped ones), likely personal names, phone numbers and street addresses. Every
 * editor, import and export uses this class, so the same text is judged the same everywhere.
 */
public final class PrivacyCheck {
    /** What kind of identifying detail was found. */
    public enum Kind { IDENTITY_NUMBER, NAME, PHONE, ADDRESS }

    /** A finding with its offsets in the original text. */
    public record Finding(Kind kind, String text, int start, int end) {
        /** Compatibility: true for an identity number, false for a likely name. */
        public Finding(boolean identityNumber, String text, int start, int end) {
            this(identityNumber ? Kind.IDENTITY_NUMBER : Kind.NAME, text, start, end);
        }

        public boolean identityNumber() {
            return kind == Kind.IDENTITY_NUMBER;
        }
    }

    private PrivacyCheck() {
    }

    public static List<Finding> check(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (PersonalIdentityDetector.Finding f : PersonalIdentityDetector.find(text)) {
            out.add(new Finding(Kind.IDENTITY_NUMBER, f.text(), f.start(), f.end()));
        }
        for (ContactDetector.Finding f : ContactDetector.find(text)) {
            if (f.phone() && overlaps(out, f.start(), f.end())) {
                continue;
            }
            out.add(new Finding(f.phone() ? Kind.PHONE : Kind.ADDRESS, f.text(), f.start(), f.end()));
        }
        for (NameDetector.Finding f : NameDetector.find(text)) {
            if (!overlaps(out, f.start(), f.end())) {
                out.add(new Finding(Kind.NAME, f.text(), f.start(), f.end()));
            }
        }
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    /** The findings in each of {@code texts}, in order (a record's free-text fields). */
    public static List<Finding> checkAll(List<String> texts) {
        List<Finding> out = new ArrayList<>();
        for (String text : texts) {
            out.addAll(check(text));
        }
        return out;
    }

    /** The placeholder that replaces a finding of this kind when masked. */
    public static String placeholder(Kind kind) {
        return switch (kind) {
            case IDENTITY_NUMBER -> "[personnummer borttaget]";
            case NAME -> "[namn borttaget]";
            case PHONE -> "[telefonnummer borttaget]";
            case ADDRESS -> "[adress borttagen]";
        };
    }

    /** The text with every finding of the given kinds replaced by its placeholder. */
    public static String mask(String text, java.util.Set<Kind> kinds) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        List<Finding> found = check(text).stream().filter(f -> kinds.contains(f.kind())).toList();
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        for (Finding f : found) {
            if (f.start() < pos) {
                continue;
            }
            sb.append(text, pos, f.start()).append(placeholder(f.kind()));
            pos = f.end();
        }
        sb.append(text.substring(pos));
        return sb.toString();
    }

    /** Every kind of finding masked: what the audit trail keeps of free text. */
    public static String maskAll(String text) {
        return mask(text, java.util.EnumSet.allOf(Kind.class));
    }

    private static boolean overlaps(List<Finding> found, int start, int end) {
        return found.stream().anyMatch(f -> f.start() < end && start < f.end());
    }

    /** "namn, personnummer": the kinds found, without the found text (for reports that travel). */
    public static String kindsOnly(List<Finding> found) {
        return found.stream().map(f -> kindName(f.kind())).distinct().collect(Collectors.joining(", "));
    }

    public static String kindName(Kind kind) {
        return switch (kind) {
            case IDENTITY_NUMBER -> "personnummer";
            case NAME -> "namn";
            case PHONE -> "telefonnummer";
            case ADDRESS -> "adress";
        };
    }
}

package se.kvalitetshjulet.domain.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * One check for free text that may identify a person: identity numbers (certain) and
 * likely personal names (a warning only: "Anna" may be a colleague's role description).
 */
public final class PrivacyCheck {
    /** A finding; {@code identityNumber} false means a likely name. */
    public record Finding(boolean identityNumber, String text, int start, int end) { }

    private PrivacyCheck() {
    }

    public static List<Finding> check(String text) {
        List<Finding> out = new ArrayList<>();
        for (PersonalIdentityDetector.Finding f : PersonalIdentityDetector.find(text)) {
            out.add(new Finding(true, f.text(), f.start(), f.end()));
        }
        for (NameDetector.Finding f : NameDetector.find(text)) {
            out.add(new Finding(false, f.text(), f.start(), f.end()));
        }
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
}

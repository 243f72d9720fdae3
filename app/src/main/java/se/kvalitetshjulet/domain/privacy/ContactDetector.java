package se.kvalitetshjulet.domain.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish phone numbers ("070-123 45 67", "08-123 456 78", "+46 70 123 45 67") and street addresses
 * ("Storgatan 12", "Lilla Nygatan 3 B", "Björkvägen 7") in free text, after {@link TextNormalizer}.
 */
public final class ContactDetector {
    public record Finding(int start, int end, String text, boolean phone) { }

    /** A leading 0 or +46, an area/mobile code, then 5-8 more digits in groups of spaces or dashes. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+46 ?(?:\\(0\\) ?)?|0)\\d{1,3}(?:[ -]?\\d){5,8}(?![\\d])");
    /** A street name ending in a Swedish street word, a house number and an optional letter. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}])(?:(?:Lilla|Stora|Norra|Södra|Västra|Östra|Gamla|Nya) )?\\p{Lu}\\p{Ll}*"
                    + "(?:gatan|gata|vägen|väg|gränd|gränden|stigen|torget|torg|backen|allén|leden|platsen|plan|"
                    + "promenaden|kajen|parken|stråket|vägen)"
                    + " \\d{1,4}(?: ?[A-Ha-h](?![\\p{L}]))?(?![\\d])");

    private ContactDetector() {
    }

    public static List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String normal = TextNormalizer.normalize(text);
        Matcher p = PHONE.matcher(normal);
        while (p.find()) {
            out.add(new Finding(p.start(), p.end(), text.substring(p.start(), p.end()).strip(), true));
        }
        Matcher a = ADDRESS.matcher(normal);
        while (a.find()) {
            out.add(new Finding(a.start(), a.end(), text.substring(a.start(), a.end()), false));
        }
        return out;
    }
}

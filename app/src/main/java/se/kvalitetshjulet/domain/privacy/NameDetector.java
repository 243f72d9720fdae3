package se.kvalitetshjulet.domain.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags capitalised words that are common Swedish first names, and a first name followed by a
 * capitalised word (a likely full name). A heuristic warning, not a guarantee: the list is in
 * {@code privacy/first-names.txt}.
 */
public final class NameDetector {
    public record Finding(int start, int end, String text) { }

    private static final Set<String> FIRST_NAMES = load();
    private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}[\\p{Ll}]+)?");

    private NameDetector() {
    }

    public static List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (FIRST_NAMES.contains(m.group().toLowerCase(Locale.ROOT))) {
                out.add(new Finding(m.start(), m.end(), m.group()));
            }
        }
        return out;
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameDetector.class.getResourceAsStream("/privacy/first-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("privacy/first-names.txt missing from the application");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String n = line.strip();
                if (!n.isEmpty() && !n.startsWith("#")) {
                    names.add(n.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}

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
 * Flags likely personal names: a capitalised common Swedish first name ({@code privacy/first-names.txt}), with the
 * surname that follows it ("Anna Svensson" as one finding) when the next capitalised word is a common surname
 * ({@code privacy/surnames.txt}) or surname-shaped (-son, -sson, -berg, -ström, -qvist …); and a common surname
 * after a courtesy title ("fru Lindberg"). "lex Maria" and "lex Sarah" are the laws, not people. A heuristic
 * warning, not a guarantee.
 */
public final class NameDetector {
    public record Finding(int start, int end, String text) { }

    private static final Set<String> FIRST_NAMES = load("/privacy/first-names.txt");
    private static final Set<String> SURNAMES = load("/privacy/surnames.txt");
    private static final Pattern WORD = Pattern.compile("\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?");
    private static final Pattern SURNAME_SHAPE = Pattern.compile(
            ".+(?:sson|son|berg|ström|qvist|kvist|gren|lund|holm|lind|stedt|blad|dahl|man|gård|sjö|ander|ius|éen|ell)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> TITLES = Set.of("fru", "herr", "herrn", "frun", "brukaren", "patienten");
    private static final Pattern LEX_BEFORE = Pattern.compile("(?i)lex\\s+$");

    private NameDetector() {
    }

    public static List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String normal = TextNormalizer.normalize(text);
        Matcher m = WORD.matcher(normal);
        List<int[]> words = new ArrayList<>();
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < words.size(); i++) {
            int[] w = words.get(i);
            String word = normal.substring(w[0], w[1]);
            String lower = word.toLowerCase(Locale.ROOT);
            if (FIRST_NAMES.contains(lower) && !afterLex(normal, w[0])) {
                int end = w[1];
                if (i + 1 < words.size() && onlySpaceBetween(normal, w[1], words.get(i + 1)[0])) {
                    String next = normal.substring(words.get(i + 1)[0], words.get(i + 1)[1]);
                    if (isSurname(next)) {
                        end = words.get(i + 1)[1];
                        i++;
                    }
                }
                out.add(new Finding(w[0], end, text.substring(w[0], end)));
            } else if (SURNAMES.contains(lower) && precededByTitle(normal, w[0])) {
                out.add(new Finding(w[0], w[1], text.substring(w[0], w[1])));
            }
        }
        return out;
    }

    static boolean isSurname(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return SURNAMES.contains(lower) || (!FIRST_NAMES.contains(lower) && SURNAME_SHAPE.matcher(word).matches());
    }

    private static boolean onlySpaceBetween(String s, int from, int to) {
        return to > from && s.substring(from, to).isBlank();
    }

    private static boolean afterLex(String s, int start) {
        return LEX_BEFORE.matcher(s.substring(Math.max(0, start - 6), start)).find();
    }

    private static boolean precededByTitle(String s, int start) {
        String before = s.substring(0, start).stripTrailing();
        int sp = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'));
        String prev = before.substring(sp + 1).toLowerCase(Locale.ROOT);
        return TITLES.contains(prev);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the application");
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

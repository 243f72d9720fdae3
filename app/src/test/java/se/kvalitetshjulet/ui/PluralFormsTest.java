package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.ui.common.I18n;

/**
 * Issue 18, "1 åtgärder": every count in the bundles has its singular. A number directly before a plural noun
 * ("{0} åtgärder", "{1} öppna åtgärder") must be a choice ("{0,choice,0#…|1#1 åtgärd|1<… åtgärder}") or the
 * plural of a "…One"/"…Many" pair, and every such choice says the singular for one and the plural for more.
 */
class PluralFormsTest {
    /** Swedish nouns whose plural differs from the singular, as the screens count them. */
    static final String SV_NOUNS = "åtgärder|avvikelser|punkter|enheter|analyser|rader|poster|perioder|ändringar|"
            + "risker|frågor|dagar|ärenden|omgångar|uppföljningar|värden|månader|kolumner|orsaker|mallar|kategorier|"
            + "veckor|timmar|minuter|filer|möten|rapporter|signaler|kommuner|personer|sidor|säkerhetskopior|roller";
    static final String EN_NOUNS = "actions|deviations|points|units|analyses|rows|records|periods|changes|risks|"
            + "questions|days|cases|rounds|follow-ups|values|months|columns|causes|respondents|recipients|problems|"
            + "measures|figures|errors|answers|decisions|results|levels|groups|files|events|charts|activities|goals|"
            + "names|years|visits|items|entries|templates|characters|weeks|hours|minutes|meetings|reports|pages";

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PluralFormsTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The text with every {k,choice,…} taken out (balanced braces). */
    static String withoutChoices(String v) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        Matcher m = Pattern.compile("\\{\\d+,choice,").matcher(v);
        while (m.find(i)) {
            out.append(v, i, m.start());
            int depth = 0;
            int j = m.start();
            for (; j < v.length(); j++) {
                if (v.charAt(j) == '{') {
                    depth++;
                } else if (v.charAt(j) == '}' && --depth == 0) {
                    break;
                }
            }
            out.append("{choice}");
            i = Math.min(v.length(), j + 1);
        }
        return out.append(v.substring(i)).toString();
    }

    private static List<String> countsWithoutSingular(Properties p, String nouns) {
        Pattern count = Pattern.compile("\\{\\d(,number,integer)?\\} (\\p{L}+ )?(" + nouns + ")\\b");
        List<String> out = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            Matcher pair = Pattern.compile("(.*)(Many|Other|\\.other)$").matcher(key);
            if (pair.matches() && (p.containsKey(pair.group(1) + "One") || p.containsKey(pair.group(1) + ".one"))) {
                continue; // the plural of a pair whose singular the code picks for one ("…One" / "…Many")
            }
            Matcher m = count.matcher(withoutChoices(p.getProperty(key)));
            if (m.find()) {
                out.add(key + ": ”" + m.group() + "”");
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void everySwedishCountHasItsSingular() throws Exception {
        assertThat(countsWithoutSingular(bundle("messages.properties"), SV_NOUNS)).isEmpty();
    }

    @Test
    void everyEnglishCountHasItsSingular() throws Exception {
        assertThat(countsWithoutSingular(bundle("messages_en.properties"), EN_NOUNS)).isEmpty();
    }

    @Test
    void theGuardFindsACountWithoutItsSingular() {
        Properties p = new Properties();
        p.setProperty("x.openMany", "{0} frivilliga frågor är obesvarade");
        p.setProperty("x.openOne", "1 frivillig fråga är obesvarad");
        p.setProperty("x.summary", "{0} åtgärder – sida {1} av {2}");
        p.setProperty("x.fine", "{0,choice,0#{0} åtgärder|1#1 åtgärd|1<{0} åtgärder} och {1} svar");
        assertThat(countsWithoutSingular(p, SV_NOUNS)).containsExactly("x.summary: ”{0} åtgärder”");
    }

    /** Every count choice, given 1, 2 and 4 637, says "1 åtgärd", "2 åtgärder", "4 637 åtgärder" (thin space). */
    @Test
    void everyChoiceSaysTheSingularForOneAndThePluralForMore() throws Exception {
        Pattern plural = Pattern.compile("\\{(\\d),choice,0#[^|]*\\|1#1 ([^|]*)\\|1<\\{\\d,number,integer\\} ([^}]*)\\}");
        for (Locale language : List.of(Locale.of("sv"), Locale.ENGLISH)) {
            I18n i18n = new I18n(language);
            Properties p = bundle("en".equals(language.getLanguage()) ? "messages_en.properties" : "messages.properties");
            int checked = 0;
            for (String key : p.stringPropertyNames()) {
                Matcher m = plural.matcher(p.getProperty(key));
                while (m.find()) {
                    int arg = Integer.parseInt(m.group(1));
                    for (long n : new long[] {1, 2, 4637}) {
                        Object[] args = new Object[10];
                        Arrays.fill(args, 2L);
                        args[arg] = n;
                        String text = i18n.get(key, args);
                        String want = n == 1 ? "1 " + m.group(2)
                                : i18n.numbers().integer(n) + " " + m.group(3);
                        assertThat(text).as("%s with %d", key, n).contains(want);
                    }
                    checked++;
                }
            }
            assertThat(checked).as("count choices in %s", language).isGreaterThan(50);
        }
        // a count handed over as text is counted too
        assertThat(new I18n(Locale.of("sv")).get("action.summary", "1", 1, 1)).isEqualTo("1 åtgärd – sida 1 av 1");
    }

    @Test
    void manyAndNoneArePlural() {
        I18n i18n = new I18n(Locale.of("sv"));
        assertThat(i18n.get("action.summary", 4637, 1, 93)).isEqualTo("4\u202F637 åtgärder – sida 1 av 93");
        assertThat(i18n.get("action.summary", 0, 1, 1)).isEqualTo("0 åtgärder – sida 1 av 1");
    }
}

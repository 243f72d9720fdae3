package se.kvalitetshjulet.service.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;

/**
 * Reads the values of other systems' exports: Swedish and ISO dates, kinds, statuses, laws,
 * assessments and yes/no. Every parser either returns a value or throws
 * {@link InvalidValue} with a reason in plain Swedish that says what to write instead.
 *
 * <p>Kinds are recognised by enum name, by the display names in the message bundle
 * ({@code enum.DeviationKind.*}) and by common synonyms:
 * <ul>
 *   <li>"Klagomål", "Synpunkt", "Klagomål och synpunkter" → klagomål/synpunkt utifrån;</li>
 *   <li>"Klagomål från personal", "Synpunkt från personal" → klagomål/synpunkt från personal;</li>
 *   <li>"Avvikelse", "SoL-avvikelse", "LSS-avvikelse" → kvalitetsavvikelse;</li>
 *   <li>"Lex Sarah", "Lex Sarah-rapport", "Missförhållande" → lex Sarah; "Lex Maria(-anmälan)" → lex Maria;</li>
 *   <li>"HSL", "Vårdavvikelse", "Läkemedelsavvikelse" → HSL-avvikelse;</li>
 *   <li>"Fall", "Fallrapport", "Fallhändelse" → HSL-avvikelse <em>and</em> category "Fall" when the row
 *       has no category of its own. That is the only kind that implies a category.</li>
 * </ul>
 */
public final class ValueParsers {
    /** A value that could not be read; the message says why and what to write instead. */
    public static final class InvalidValue extends Exception {
        public InvalidValue(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A recognised kind, and the category it implies ("Fall" → category Fall), or {@code null}. */
    public record KindMatch(DeviationKind kind, String impliedCategory) { }

    public static final String DATE_HINT = "Använd ÅÅÅÅ-MM-DD, t.ex. 2024-03-15.";
    public static final String FALL_CATEGORY = "Fall";

    private static final Pattern TIME_SUFFIX = Pattern.compile(
            "^(.+?)(?:[ T]+\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}(?:[.,]\\d+)?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2})?)$");
    private static final Pattern YMD = Pattern.compile("^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})$");
    private static final Pattern YMD_COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern DMY = Pattern.compile("^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})$");
    private static final Pattern DMY_SHORT_YEAR = Pattern.compile("^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{2})$");
    private static final Pattern D_MONTH_Y = Pattern.compile("^(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?\\s+(\\d{4})$");
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    private static final Map<String, KindMatch> KINDS = new HashMap<>();
    private static final Map<String, DeviationStatus> STATUSES = new HashMap<>();
    private static final Map<String, Law> LAWS = new HashMap<>();
    private static final Map<String, Assessment> ASSESSMENTS = new HashMap<>();
    private static final String KIND_NAMES;
    private static final Map<DeviationKind, String> KIND_DISPLAY = new java.util.EnumMap<>(DeviationKind.class);

    static {
        String[][] months = {{"januari", "jan"}, {"februari", "feb"}, {"mars", "mar"}, {"april", "apr"}, {"maj"},
                {"juni", "jun"}, {"juli", "jul"}, {"augusti", "aug"}, {"september", "sep", "sept"},
                {"oktober", "okt"}, {"november", "nov"}, {"december", "dec"}};
        for (int i = 0; i < months.length; i++) {
            for (String m : months[i]) {
                MONTHS.put(m, i + 1);
            }
        }
        ResourceBundle sv = bundle(Locale.of("sv"));
        ResourceBundle en = bundle(Locale.ENGLISH);
        StringBuilder names = new StringBuilder();
        for (DeviationKind k : DeviationKind.values()) {
            KINDS.put(key(k.name()), new KindMatch(k, null));
            String display = display(sv, k);
            KINDS.put(key(display), new KindMatch(k, null));
            KINDS.put(key(display(en, k)), new KindMatch(k, null));
            names.append(names.isEmpty() ? "" : ", ").append(display);
            KIND_DISPLAY.put(k, display.isEmpty() ? k.name() : display);
        }
        KIND_NAMES = names.toString();
        kinds(DeviationKind.KLAGOMAL_EXTERN, null, "Klagomål", "Synpunkt", "Synpunkter", "Klagomål och synpunkter",
                "Synpunkter och klagomål", "Klagomål/synpunkt", "Klagomål extern", "Externt klagomål",
                "Klagomål från brukare", "Klagomål från närstående", "Synpunkt från brukare", "Synpunkt från närstående");
        kinds(DeviationKind.KLAGOMAL_PERSONAL, null, "Klagomål från personal", "Synpunkt från personal",
                "Klagomål/synpunkt personal", "Klagomål personal", "Synpunkt personal", "Personalsynpunkt");
        kinds(DeviationKind.KVALITETSAVVIKELSE, null, "Avvikelse", "SoL-avvikelse", "LSS-avvikelse", "Avvikelse SoL",
                "Avvikelse LSS", "Avvikelse SoL/LSS", "Kvalitetsavvikelse SoL", "Kvalitetsavvikelse LSS",
                "Verksamhetsavvikelse");
        kinds(DeviationKind.LEX_SARAH, null, "Lex Sarah", "Lex Sara", "Lex Sarah-rapport", "Rapport enligt lex Sarah",
                "Missförhållande");
        kinds(DeviationKind.LEX_MARIA, null, "Lex Maria", "Lex Maria-anmälan", "Anmälan enligt lex Maria");
        kinds(DeviationKind.HSL_AVVIKELSE, null, "HSL", "Avvikelse HSL", "HSL avvikelse", "Hälso- och sjukvårdsavvikelse",
                "Vårdavvikelse", "Läkemedelsavvikelse", "Läkemedel");
        kinds(DeviationKind.HSL_AVVIKELSE, FALL_CATEGORY, "Fall", "Fallrapport", "Fallhändelse", "Fallolycka",
                "Fallavvikelse");

        for (DeviationStatus s : DeviationStatus.values()) {
            STATUSES.put(key(s.name()), s);
            STATUSES.put(key(display(sv, s)), s);
            STATUSES.put(key(display(en, s)), s);
        }
        statuses(DeviationStatus.REGISTRERAD, "Ny", "Inkommen", "Öppen", "Registrerat", "Mottagen", "Ej påbörjad");
        statuses(DeviationStatus.UTREDNING, "Under utredning", "Utreds", "Pågående", "Pågår", "Påbörjad",
                "Under handläggning");
        statuses(DeviationStatus.BEDOMD, "Bedömt", "Bedömning klar");
        statuses(DeviationStatus.ATGARDAD, "Åtgärdat", "Åtgärder vidtagna", "Åtgärder beslutade");
        statuses(DeviationStatus.AVSLUTAD, "Avslutat", "Uppföljd", "Uppföljt", "Stängd", "Stängt", "Klar", "Klart",
                "Avslutat ärende");

        for (Law l : Law.values()) {
            LAWS.put(key(l.name()), l);
        }
        laws(Law.SOL, "Socialtjänstlagen", "SoL (2001:453)", "SoL 2001:453", "SFS 2001:453", "SoL 2025:400");
        laws(Law.LSS, "Lagen om stöd och service", "Lag om stöd och service till vissa funktionshindrade");
        laws(Law.HSL, "Hälso- och sjukvårdslagen", "HSL (2017:30)", "HSL 2017:30");
        laws(Law.PSL, "Patientsäkerhetslagen", "PSL (2010:659)", "PSL 2010:659");

        for (Assessment a : Assessment.values()) {
            ASSESSMENTS.put(key(a.name()), a);
            ASSESSMENTS.put(key(display(sv, a)), a);
            ASSESSMENTS.put(key(display(en, a)), a);
        }
        assessments(Assessment.BEFOGAD, "Befogat");
        assessments(Assessment.DELVIS_BEFOGAD, "Delvis befogat");
        assessments(Assessment.EJ_BEFOGAD, "Ej befogat", "Obefogat", "Inte befogat");
        assessments(Assessment.PATAGLIG_RISK, "Påtaglig risk");
        assessments(Assessment.INGET_MISSFORHALLANDE, "Ej missförhållande");
        assessments(Assessment.INGEN_VARDSKADA, "Ej vårdskada");
        KINDS.remove("");
        STATUSES.remove("");
        ASSESSMENTS.remove("");
    }

    private ValueParsers() {
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle("i18n.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static String display(ResourceBundle b, Enum<?> e) {
        String k = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
        return b != null && b.containsKey(k) ? b.getString(k) : "";
    }

    private static void kinds(DeviationKind kind, String category, String... names) {
        for (String n : names) {
            KINDS.put(key(n), new KindMatch(kind, category));
        }
    }

    private static void statuses(DeviationStatus s, String... names) {
        for (String n : names) {
            STATUSES.put(key(n), s);
        }
    }

    private static void laws(Law l, String... names) {
        for (String n : names) {
            LAWS.put(key(n), l);
        }
    }

    private static void assessments(Assessment a, String... names) {
        for (String n : names) {
            ASSESSMENTS.put(key(n), a);
        }
    }

    /**
     * A comparison key: lower case, å/ä → a, ö → o, accents dropped, every run of other
     * characters (spaces, dashes, slashes, underscores) one space. "HSL-avvikelse",
     * "hsl avvikelse" and "HSL_AVVIKELSE" give the same key.
     */
    public static String key(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            c = switch (c) {
                case 'å', 'ä', 'á', 'à', 'â', 'ã' -> 'a';
                case 'ö', 'ó', 'ò', 'ô', 'ø' -> 'o';
                case 'é', 'è', 'ê', 'ë' -> 'e';
                case 'ü', 'ú', 'ù' -> 'u';
                case 'í', 'ì', 'ï' -> 'i';
                default -> c;
            };
            if (Character.isLetterOrDigit(c)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    /**
     * A date in one of the formats Swedish exports use: 2024-03-15, 20240315, 2024/03/15,
     * 15/3/2024, 15.3.2024, 15-3-2024 and "15 mars 2024", optionally followed by a time
     * (which is dropped). Day comes before month in every day-first format.
     */
    public static LocalDate date(String raw) throws InvalidValue {
        String s = raw.strip();
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 1900 && y <= 2199 && mo >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, mo, d);
                } catch (DateTimeException e) {
                    throw new InvalidValue("Datumet '" + s + "' finns inte i kalendern. " + DATE_HINT);
                }
            }
        }
        Matcher t = TIME_SUFFIX.matcher(s);
        if (t.matches()) {
            s = t.group(1).strip();
        }
        Matcher m;
        int y;
        int mo;
        int d;
        if ((m = YMD.matcher(s)).matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(3));
            d = Integer.parseInt(m.group(4));
        } else if ((m = YMD_COMPACT.matcher(s)).matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            d = Integer.parseInt(m.group(3));
        } else if ((m = DMY.matcher(s)).matches()) {
            d = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(3));
            y = Integer.parseInt(m.group(4));
            if (mo > 12 && d <= 12) {
                throw new InvalidValue("Datumet '" + raw.strip() + "' ser ut att ha månaden före dagen (amerikanskt format). "
                        + DATE_HINT);
            }
        } else if ((m = D_MONTH_Y.matcher(s)).matches() && MONTHS.containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
            d = Integer.parseInt(m.group(1));
            mo = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            y = Integer.parseInt(m.group(3));
        } else if (DMY_SHORT_YEAR.matcher(s).matches()) {
            throw new InvalidValue("Datumet '" + raw.strip() + "' har bara två siffror i årtalet. " + DATE_HINT);
        } else {
            throw new InvalidValue("Datumet '" + raw.strip() + "' kunde inte tolkas. " + DATE_HINT);
        }
        if (y < 1900 || y > 2199) {
            throw new InvalidValue("Datumet '" + raw.strip() + "' har ett orimligt årtal (" + y + "). " + DATE_HINT);
        }
        try {
            return LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            throw new InvalidValue("Datumet '" + raw.strip() + "' finns inte i kalendern. " + DATE_HINT);
        }
    }

    /** The number in s[from, to), or -1 when it is not all ASCII digits. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static KindMatch kind(String raw) throws InvalidValue {
        KindMatch k = KINDS.get(key(raw));
        if (k == null) {
            throw new InvalidValue("Typen '" + raw.strip() + "' känns inte igen. Använd en av: " + KIND_NAMES
                    + " (eller Klagomål, Synpunkt, Fall …).");
        }
        return k;
    }

    public static DeviationStatus status(String raw) throws InvalidValue {
        DeviationStatus s = STATUSES.get(key(raw));
        if (s == null) {
            throw new InvalidValue("Statusen '" + raw.strip()
                    + "' känns inte igen. Använd Registrerad, Utredning, Bedömd, Åtgärdad eller Avslutad, "
                    + "eller ta bort statuskolumnen ur mappningen (då blir alla Registrerad).");
        }
        return s;
    }

    public static Law law(String raw) throws InvalidValue {
        Law l = LAWS.get(key(raw));
        if (l == null) {
            throw new InvalidValue("Lagrummet '" + raw.strip() + "' känns inte igen. Använd SoL, LSS, HSL eller PSL.");
        }
        return l;
    }

    public static Assessment assessment(String raw) throws InvalidValue {
        Assessment a = ASSESSMENTS.get(key(raw));
        if (a == null) {
            throw new InvalidValue("Bedömningen '" + raw.strip() + "' känns inte igen. Använd t.ex. Missförhållande, "
                    + "Vårdskada, Befogat klagomål eller Avvikelse bekräftad, eller lämna fältet tomt.");
        }
        return a;
    }

    public static boolean yesNo(String raw) throws InvalidValue {
        return switch (key(raw)) {
            case "ja", "j", "yes", "y", "true", "sant", "1", "x" -> true;
            case "nej", "n", "no", "false", "falskt", "0", "" -> false;
            default -> throw new InvalidValue("Värdet '" + raw.strip() + "' ska vara ja eller nej.");
        };
    }

    private static final ResourceBundle SV = bundle(Locale.of("sv"));

    /** The Swedish display name of an enum constant (from the message bundle), for messages. */
    public static String displayName(Enum<?> e) {
        String d = display(SV, e);
        return d.isEmpty() ? e.name() : d;
    }

    /** The Swedish display name of a kind, for messages. */
    public static String displayName(DeviationKind kind) {
        return KIND_DISPLAY.get(kind);
    }

    /** The display names of the kinds, for messages. */
    public static String kindNames() {
        return KIND_NAMES;
    }
}

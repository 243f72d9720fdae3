package se.kvalitetshjulet.domain.spc;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Looks up the SPC texts in {@code i18n/spc.properties} (Swedish, the base bundle) and
 * {@code i18n/spc_en.properties} (English).
 *
 * <p>The lookup deliberately does not fall back to the JVM's default locale: with the standard
 * fallback a Swedish request on a machine whose default locale is English would silently get the
 * English bundle before ever reaching the Swedish base bundle.
 */
public final class SpcMessages {
    static final String BUNDLE = "i18n.spc";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private SpcMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    public static SpcMessages forLocale(Locale locale) {
        return new SpcMessages(locale == null ? applicationLocale() : locale);
    }

    /**
     * The application's language rule: Swedish whatever the operating system's language, English
     * only when chosen with {@code -Dkvalitetshjulet.lang=en} or {@code KVALITETSHJULET_LANG=en}.
     */
    public static Locale applicationLocale() {
        String choice = System.getProperty("kvalitetshjulet.lang", System.getenv("KVALITETSHJULET_LANG"));
        return "en".equalsIgnoreCase(choice) ? Locale.ENGLISH : Locale.of("sv");
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}, formatted with {@link MessageFormat} when there are arguments. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : se.kvalitetshjulet.domain.NumberText.of(locale).message(pattern, locale, args);
    }
}

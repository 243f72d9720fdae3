package se.kvalitetshjulet.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import se.kvalitetshjulet.domain.NumberText;
import se.kvalitetshjulet.domain.Problem;

/** User-facing text from the resource bundles: Swedish by default, English second. */
public final class I18n {
    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final NumberText numbers;

    public I18n(Locale locale) {
        this.locale = locale;
        this.numbers = NumberText.of(locale);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Swedish first, whatever the operating system's language: English only when chosen with
     * {@code -Dkvalitetshjulet.lang=en} or the environment variable {@code KVALITETSHJULET_LANG=en}.
     */
    public static I18n forDefaultLocale() {
        return forChoice(null);
    }

    /**
     * h4 (issue 18): the language chosen in Inställningar ({@code saved}, "sv" or "en", may be null), unless
     * {@code -Dkvalitetshjulet.lang} or {@code KVALITETSHJULET_LANG} says otherwise for this start; Swedish when
     * nothing is said.
     */
    public static I18n forChoice(String saved) {
        String choice = System.getProperty("kvalitetshjulet.lang", System.getenv("KVALITETSHJULET_LANG"));
        if (choice == null || choice.isBlank()) {
            choice = saved;
        }
        return new I18n("en".equalsIgnoreCase(choice) ? Locale.ENGLISH : Locale.of("sv"));
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : format(pattern, args);
    }

    private String format(String pattern, Object[] args) {
        return numbers.message(pattern, locale, args);
    }

    /** Numbers and dates in this language: the one formatter of the screens (decision 0028). */
    public NumberText numbers() {
        return numbers;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String problem(Problem p) {
        return get(p.messageKey(), p.args());
    }

    /** The display name of an enum constant: key {@code enum.<Type>.<NAME>}. */
    public String of(Enum<?> e) {
        return e == null ? "" : get("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }
}

package se.kvalitetshjulet.service;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts a service needs to title and explain a chart, in the user's language: the same bundle
 * ({@code i18n/messages*.properties}) and the same rules as the screens' {@code I18n}.
 */
public interface ChartTexts {
    Locale locale();

    String get(String key, Object... args);

    /** The display name of an enum constant: key {@code enum.<Type>.<NAME>}. */
    default String of(Enum<?> e) {
        return e == null ? "" : get("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    /** Texts from this bundle in its locale. */
    static ChartTexts of(ResourceBundle bundle, Locale locale) {
        return new ChartTexts() {
            @Override
            public Locale locale() {
                return locale;
            }

            @Override
            public String get(String key, Object... args) {
                String pattern;
                try {
                    pattern = bundle.getString(key);
                } catch (MissingResourceException e) {
                    return "!" + key + "!";
                }
                return args.length == 0 ? pattern : se.kvalitetshjulet.domain.NumberText.of(locale).message(pattern, locale, args);
            }
        };
    }

    /** The application's messages in this locale (Swedish base bundle, no fallback to the JVM's locale). */
    static ChartTexts forLocale(Locale locale) {
        return of(ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }
}

package se.kvalitetshjulet.domain;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as a reader of the user's language writes them (issue 18, decision 0028): Swedish "4 637"
 * (a narrow no-break space, U+202F, between thousands) and "86,7"; English "4,637" and "86.7"; a date is
 * yyyy-MM-dd in both. The one formatter of every table, label, chart axis, tooltip and key figure on screen; the
 * JVM's own locale never decides (a Swedish window on an English Windows says "2,5", not "2.5"). Files meant for
 * machines (CSV, the chart data export) keep their own fixed formats.
 */
public final class NumberText {
    /** Between thousands in Swedish: narrow (thin) and no-break, so "4 637" never wraps inside a number. */
    public static final char THIN_SPACE = '\u202F';

    private static final NumberText SWEDISH = new NumberText(false);
    private static final NumberText ENGLISH = new NumberText(true);

    private final boolean english;

    private NumberText(boolean english) {
        this.english = english;
    }

    /** English for an English locale, Swedish for everything else (the application's two languages). */
    public static NumberText of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : SWEDISH;
    }

    /** The separators: a fresh copy (the JDK's objects are mutable). */
    public DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(english ? Locale.ENGLISH : Locale.of("sv"));
        s.setDecimalSeparator(english ? '.' : ',');
        s.setMonetaryDecimalSeparator(english ? '.' : ',');
        s.setGroupingSeparator(english ? ',' : THIN_SPACE);
        s.setMonetaryGroupingSeparator(english ? ',' : THIN_SPACE);
        s.setMinusSign('-'); // the hyphen-minus every font has and every field parses back (CLDR's Swedish says U+2212)
        return s;
    }

    /**
     * A new format with thousands grouped and between {@code minDecimals} and {@code maxDecimals} decimals (for
     * chart axes, a table column, a MessageFormat argument). Not thread-safe, like every {@link NumberFormat}.
     */
    public DecimalFormat format(int minDecimals, int maxDecimals) {
        DecimalFormat f = new DecimalFormat("#,##0", symbols());
        f.setGroupingUsed(true);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP); // as String.format and the reports round: 86,65 → 86,7
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(Math.max(minDecimals, maxDecimals));
        return f;
    }

    /** A format following a {@link DecimalFormat} pattern ("0.0", "#,##0.#") with this language's separators. */
    public DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, symbols());
    }

    /** A number with as many decimals as it has, at most three: "2,5", "4 637", "0,125". */
    public String number(double v) {
        return format(0, 3).format(v);
    }

    /** A number with exactly {@code decimals} decimals: "86,7" (1), "87" (0). */
    public String fixed(double v, int decimals) {
        return format(decimals, decimals).format(v);
    }

    /** A whole number with thousands grouped: "4 637". */
    public String integer(long v) {
        return format(0, 0).format(v);
    }

    /** A change with its sign: "+1,5", "-0,3", "0,0". */
    public String signed(double v, int decimals) {
        String s = fixed(v, decimals);
        return v > 0 && !s.matches("[0.,]+") ? "+" + s : s;
    }

    /**
     * A {@link java.text.MessageFormat} text whose numbers have this language's separators, whatever the JVM's
     * locale or the JDK's locale data say ("4 637 åtgärder" with the thin space, "2,5"; "4,637", "2.5" in English).
     */
    public String message(String pattern, Locale locale, Object... args) {
        java.text.MessageFormat mf = new java.text.MessageFormat(pattern, locale);
        java.text.Format[] formats = mf.getFormats(); // in the pattern's order, one per {…}
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                mf.setFormat(i, new Plain(locale));
            } else if (formats[i] instanceof java.text.ChoiceFormat c) {
                mf.setFormat(i, new Plural(c, locale, args));
            } else if (formats[i] instanceof DecimalFormat d) {
                d.setDecimalFormatSymbols(symbols());
                mf.setFormat(i, d);
            }
        }
        return mf.format(args);
    }

    /** A plain {@code {0}}: a number in this language, anything else as MessageFormat writes it. */
    private final class Plain extends java.text.Format {
        private final Locale locale;

        Plain(Locale locale) {
            this.locale = locale;
        }

        @Override
        public StringBuffer format(Object o, StringBuffer to, java.text.FieldPosition pos) {
            if (o instanceof Number n) {
                return to.append(NumberText.this.format(0, 3).format(n));
            }
            if (o instanceof java.util.Date d) {
                return to.append(java.text.DateFormat.getDateTimeInstance(java.text.DateFormat.SHORT,
                        java.text.DateFormat.SHORT, locale).format(d));
            }
            return to.append(String.valueOf(o));
        }

        /** Output only (texts are formatted, never read back): parsing fails as {@link java.text.Format} says. */
        @Override
        public Object parseObject(String source, java.text.ParsePosition pos) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
    }

    /**
     * A {@code {0,choice,0#… |1#1 åtgärd|1<{0,number,integer} åtgärder}} (the plural forms, issue 18): the chosen
     * form's numbers in this language too (MessageFormat would format them with the JDK's locale data), and a
     * count given as text ("3") counted as its number instead of failing.
     */
    private final class Plural extends java.text.Format {
        private final java.text.ChoiceFormat choice;
        private final Locale locale;
        private final Object[] args;

        Plural(java.text.ChoiceFormat choice, Locale locale, Object[] args) {
            this.choice = choice;
            this.locale = locale;
            this.args = args;
        }

        @Override
        public StringBuffer format(Object o, StringBuffer to, java.text.FieldPosition pos) {
            Number n = o instanceof Number x ? x : parse(o);
            if (n == null) {
                return to.append(String.valueOf(o));
            }
            String chosen = choice.format(n);
            if (chosen.indexOf('{') < 0) {
                return to.append(chosen);
            }
            Object[] counted = args.clone();
            for (int i = 0; i < counted.length; i++) {
                if (counted[i] == o) {
                    counted[i] = n;
                }
            }
            return to.append(message(chosen, locale, counted));
        }

        private static Number parse(Object o) {
            try {
                return o == null ? null : Double.valueOf(String.valueOf(o).strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Output only (texts are formatted, never read back): parsing fails as {@link java.text.Format} says. */
        @Override
        public Object parseObject(String source, java.text.ParsePosition pos) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
    }

    /** A date as Swedish authorities write it, in both languages: 2026-11-20. */
    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }
}

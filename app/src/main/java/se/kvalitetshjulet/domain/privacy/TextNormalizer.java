package se.kvalitetshjulet.domain.privacy;

/**
 * Normalises text before the privacy detectors match, one character for one so that offsets stay those of the
 * original: every dash (en dash, em dash, minus sign, non-breaking hyphen U+2011 …) becomes '-', every space
 * (no-break, thin, narrow no-break, figure space …) a plain ' ', and every decimal digit of any script
 * (Arabic-Indic, extended Arabic-Indic, Devanagari, full-width …) its ASCII digit. "١٩١٢١٢١٢–١٢١٢" then reads
 * "19121212-1212".
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char n = normalize(c);
            if (n != c && out == null) {
                out = new StringBuilder(text);
            }
            if (out != null) {
                out.setCharAt(i, n);
            }
        }
        return out == null ? text : out.toString();
    }

    static char normalize(char c) {
        if (c < 128) {
            return c;
        }
        if (Character.isDigit(c)) {
            int d = Character.digit(c, 10);
            return d >= 0 ? (char) ('0' + d) : c;
        }
        if (Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212' || c == '\u00AD') {
            return '-';
        }
        if (Character.isSpaceChar(c) || Character.isWhitespace(c)) {
            return ' ';
        }
        return c;
    }
}

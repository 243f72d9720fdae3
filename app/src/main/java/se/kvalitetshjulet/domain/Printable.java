package se.kvalitetshjulet.domain;

/**
 * Text from files made safe to show and to store. On a terminal or in the log, control characters (escape sequences
 * that could rewrite the user's screen, a newline that forges a log line) are shown escaped ({@code \e}, {@code \n},
 * {@code \u0007}); in stored text they are removed, keeping tabs and line breaks only where a field allows them.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every control character (also C1, bidi overrides and line/paragraph separators) escaped. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = unsafe(c) ? replacement(c) : null;
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** Like {@link #escape} but keeps line breaks and tabs (for multi-line messages meant for a terminal). */
    public static String escapeKeepingLines(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                b.append(c);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            } else {
                b.append(unsafe(c) ? replacement(c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /**
     * Text to store: control characters removed; with {@code multiLine} tabs and line breaks are kept (CR LF and CR
     * become LF), otherwise a line break or tab becomes a space.
     */
    public static String clean(String s, boolean multiLine) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String keep;
            if (c == '\r') {
                boolean crlf = i + 1 < s.length() && s.charAt(i + 1) == '\n';
                keep = crlf ? "" : multiLine ? "\n" : " ";
            } else if (c == '\n' || c == '\t') {
                keep = multiLine ? String.valueOf(c) : " ";
            } else if (unsafe(c)) {
                keep = "";
            } else {
                keep = null;
            }
            if (keep != null && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(keep != null ? keep : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** Whether {@code s} holds a character {@link #clean} would remove or change. */
    public static boolean hasControl(String s, boolean multiLine) {
        return s != null && !clean(s, multiLine).equals(s);
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1B -> "\\e";
            default -> String.format("\\u%04X", (int) c);
        };
    }
}

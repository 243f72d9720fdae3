package se.kvalitetshjulet.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The passphrase of an encrypted database (decision 0013). Held as UTF-8 bytes and handed to SQLite3 Multiple
 * Ciphers in hex ({@code PRAGMA hexkey}), so quotes and å/ä/ö need no escaping. {@link #toString()} never shows it,
 * so it cannot end up in a log line or an error message by accident.
 */
public final class Passphrase {
    /** Shortest passphrase accepted for a new or changed key. */
    public static final int MIN_LENGTH = 10;

    private final byte[] utf8;

    private Passphrase(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** From text as typed or read from a file: one trailing line break (\n or \r\n) is not part of it. */
    public static Passphrase of(String text) {
        String t = text;
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
            if (t.endsWith("\r")) {
                t = t.substring(0, t.length() - 1);
            }
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Lösenfrasen är tom.");
        }
        return new Passphrase(t.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when the passphrase is acceptable for a new key, else a Swedish sentence saying what to do. */
    public String weakness() {
        int chars = new String(utf8, StandardCharsets.UTF_8).codePointCount(0, new String(utf8, StandardCharsets.UTF_8).length());
        if (chars < MIN_LENGTH) {
            return "Lösenfrasen är för kort: använd minst " + MIN_LENGTH + " tecken, gärna några ord i en mening.";
        }
        return null;
    }

    /** The key as hex for the cipher pragma (data layer only; never logged). */
    public String hex() {
        return HexFormat.of().formatHex(utf8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passphrase p && java.security.MessageDigest.isEqual(utf8, p.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return "Passphrase[***]";
    }
}

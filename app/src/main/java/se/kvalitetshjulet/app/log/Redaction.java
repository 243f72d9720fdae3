package se.kvalitetshjulet.app.log;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * What the log may hold (decision 0013): never personal data or free text. Log calls pass only counts, kinds and
 * reasons; as a second line of defence these converters (used by {@code logback.xml}) replace anything shaped like a
 * personnummer or samordningsnummer, and print exceptions as class names and stack frames without their messages
 * (a message may quote a record, a file name or a value someone typed).
 */
public final class Redaction {
    /** 12 or 10 digits, with or without -, + or a space before the last four. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("(?<!\\d)(?:\\d{2})?\\d{6}[-+ ]?\\d{4}(?!\\d)");

    private Redaction() {
    }

    public static String redact(String text) {
        return text == null ? null : PERSONAL_NUMBER.matcher(text).replaceAll("[nummer borttaget]");
    }

    /** Exception classes and the first frames, never messages: for the crash dialog's "copy details". */
    public static String describe(java.lang.Throwable error) {
        StringBuilder sb = new StringBuilder();
        String prefix = "";
        java.lang.Throwable t = error;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            sb.append(prefix).append(t.getClass().getName()).append(System.lineSeparator());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                sb.append("\tat ").append(frames[i]).append(System.lineSeparator());
            }
            prefix = "Caused by: ";
        }
        return sb.toString();
    }

    /** {@code %safeMsg}: the formatted message with personal numbers removed. */
    public static final class Message extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return redact(event.getFormattedMessage());
        }
    }

    /** {@code %safeEx}: exception classes and frames, never their messages. */
    public static final class Throwable extends ThrowableHandlingConverter {
        @Override
        public String convert(ILoggingEvent event) {
            IThrowableProxy t = event.getThrowableProxy();
            if (t == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            String prefix = "";
            int depth = 0;
            while (t != null && depth++ < 10) {
                sb.append(prefix).append(t.getClassName()).append(System.lineSeparator());
                StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
                int shown = Math.min(frames.length, 12);
                for (int i = 0; i < shown; i++) {
                    sb.append("\tat ").append(frames[i].getStackTraceElement()).append(System.lineSeparator());
                }
                if (frames.length > shown) {
                    sb.append("\t... ").append(frames.length - shown).append(" more").append(System.lineSeparator());
                }
                t = t.getCause();
                prefix = "Caused by: ";
            }
            return sb.toString();
        }
    }
}

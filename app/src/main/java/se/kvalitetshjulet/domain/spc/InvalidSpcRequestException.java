package se.kvalitetshjulet.domain.spc;

import java.util.Locale;

/**
 * Thrown when an {@link SpcRequest} cannot describe a meaningful chart (too few denominators,
 * an excluded point that does not exist, ...).
 *
 * <p>It carries a message key rather than a finished sentence so that the GUI and the command
 * line can show the problem in the user's language; {@link #getMessage()} is English for logs and
 * {@link #getLocalizedMessage()} follows the application's language (Swedish unless English was
 * chosen, see {@link SpcMessages#applicationLocale()}).
 */
public final class InvalidSpcRequestException extends IllegalArgumentException {
    private final String messageKey;
    private final transient Object[] args;

    public InvalidSpcRequestException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return SpcMessages.forLocale(locale).get(messageKey, args);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    @Override
    public String getLocalizedMessage() {
        return message(SpcMessages.applicationLocale());
    }
}

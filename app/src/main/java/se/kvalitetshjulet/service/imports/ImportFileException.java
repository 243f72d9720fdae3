package se.kvalitetshjulet.service.imports;

/**
 * The file as a whole cannot be imported (empty, not a CSV or XLSX file, broken quoting, a
 * required column missing …). The message is plain Swedish and says what to do.
 */
public final class ImportFileException extends RuntimeException {
    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

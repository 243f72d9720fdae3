package se.kvalitetshjulet.service.imports;

/**
 * One problem in the file: the row (as a spreadsheet numbers it; 0 for the file as a whole),
 * the column header, the value (shortened, identity numbers masked) and the reason in plain
 * Swedish, saying what to do.
 */
public record RowError(long row, String column, String value, String reason) {
    /** Values longer than this are shortened in the report. */
    public static final int MAX_VALUE_SHOWN = 200;

    public RowError {
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        reason = reason == null ? "" : reason;
    }

    /** A problem with the file as a whole (row 0). */
    public static RowError file(String reason) {
        return new RowError(0, "", "", reason);
    }

    public boolean fileLevel() {
        return row == 0;
    }

    /** For the command line: "rad 12, kolumn 'Datum', värde '31/13/2024': …". */
    public String describe() {
        if (fileLevel()) {
            return "fil: " + reason;
        }
        StringBuilder sb = new StringBuilder("rad ").append(row);
        if (!column.isEmpty()) {
            sb.append(", kolumn '").append(column).append('\'');
        }
        if (!value.isEmpty()) {
            sb.append(", värde '").append(value.replace("\r", " ").replace("\n", " ")).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }
}

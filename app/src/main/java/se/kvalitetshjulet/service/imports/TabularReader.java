package se.kvalitetshjulet.service.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;

/**
 * Reads a table from a CSV or XLSX file, one row at a time: nothing holds the whole file.
 * {@link #open} looks at the file once (format, encoding, delimiter, header row); every call
 * of {@link #forEachRow} then streams the data rows from the start again, so an import can
 * validate in one pass and write in a second.
 *
 * <p>Row numbers are those a spreadsheet shows: the header is row 1 when it is the first line,
 * and a CSV record with a line break inside a quoted field is still one row.
 */
public abstract sealed class TabularReader permits CsvTabularReader, XlsxTabularReader {
    /** Longest value accepted in one field; longer values are row errors. */
    public static final int MAX_FIELD_LENGTH = 100_000;

    public enum Format { CSV, XLSX }

    /** Receives one data row; returns {@code false} to stop reading. */
    @FunctionalInterface
    public interface RowHandler {
        boolean row(long rowNumber, List<String> values);
    }

    private final Path file;
    private final long size;
    private final FileTime modified;

    TabularReader(Path file) {
        this.file = file;
        try {
            this.size = Files.size(file);
            this.modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new ImportFileException("Filen " + file.getFileName() + " kunde inte läsas. Kontrollera att den finns "
                    + "och att du har läsrättighet.", e);
        }
    }

    /**
     * Opens the file and reads its header row.
     *
     * @throws ImportFileException when the file is missing, empty, of another type or unreadable
     */
    public static TabularReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFileException("Filen " + file + " finns inte. Kontrollera sökvägen.");
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ImportFileException("Filen " + file.getFileName() + " kunde inte läsas: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n == 0) {
            throw new ImportFileException("Filen " + file.getFileName() + " är tom. Exportera avvikelserna igen och "
                    + "kontrollera att filen innehåller en rubrikrad och minst en rad.");
        }
        boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
        if (ole2) {
            throw new ImportFileException("Filen " + file.getFileName() + " är i det gamla Excel-formatet (.xls), som "
                    + "inte kan läsas. Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) eller CSV (UTF-8).");
        }
        if (zip) {
            return new XlsxTabularReader(file);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            throw new ImportFileException("Filen " + file.getFileName() + " heter .xlsx men är ingen Excel-arbetsbok. "
                    + "Öppna den i Excel och spara den igen som .xlsx eller CSV.");
        }
        return new CsvTabularReader(file);
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    /** Whether the file still has the size and time it had when it was opened. */
    public boolean unchangedSinceOpen() {
        try {
            return Files.size(file) == size && Files.getLastModifiedTime(file).equals(modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public abstract Format format();

    /** The header row; empty headers are named "Kolumn N". */
    public abstract List<String> headers();

    /** The row number of the header row. */
    public abstract long headerRow();

    /** For people: e.g. "CSV, Windows-1252, semikolon" or "Excel (.xlsx), blad 'Avvikelser'". */
    public abstract String describe();

    /** Whether every row must have as many fields as the header (CSV: a mismatch means broken quoting). */
    public abstract boolean fixedWidth();

    /**
     * Streams the data rows (after the header, blank rows skipped) to {@code handler}.
     *
     * @throws ImportFileException when the file turns out to be unreadable part-way
     */
    public abstract void forEachRow(RowHandler handler);

    /** How much of the file the running {@link #forEachRow} has read, 0–1; negative when unknown. */
    public abstract double fractionRead();

    static String headerName(String raw, int index) {
        String h = raw == null ? "" : raw.replace("\uFEFF", "").strip();
        return h.isEmpty() ? "Kolumn " + (index + 1) : h;
    }

    static boolean blank(List<String> values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}

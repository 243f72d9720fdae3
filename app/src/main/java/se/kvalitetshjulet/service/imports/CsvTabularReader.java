package se.kvalitetshjulet.service.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as Swedish systems export it. Encoding: a UTF-8 or UTF-16 byte order mark decides;
 * otherwise the whole file is checked, and valid UTF-8 is read as UTF-8 and anything else
 * as Windows-1252 (what Excel writes for "CSV (semikolonavgränsad)"). Delimiter: the most
 * common of semicolon, comma and tab in the header line, outside quotes. Quotes follow RFC
 * 4180: a quoted field may hold delimiters, doubled quotes and line breaks.
 */
final class CsvTabularReader extends TabularReader {
    /**
     * Bounds that keep memory bounded on any input (issue 16, decision 16): a row may have at most as many
     * columns as an Excel sheet (16 384), a field at most four million characters (a row error beyond 100 000, see RowConverter, with the rest of the file still checked) and a row at most 16 million;
     * the reader counts them as the characters arrive, before the parser holds them, and refuses the file.
     */
    static final int MAX_COLUMNS = 16_384;
    static final long MAX_FIELD_CHARS = 4_000_000;
    static final long RUNAWAY_FIELD_CHARS = 16L * 1024 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern AT_LINE = Pattern.compile("line: (\\d+)");

    private final Charset charset;
    private final int skipBytes;
    private final String encodingName;
    private final char delimiter;
    private final List<String> headers;
    private final long headerRow;
    private volatile long bytesRead;

    CsvTabularReader(Path file) {
        super(file);
        byte[] bom = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(bom, 0, 3);
        } catch (IOException e) {
            throw new ImportFileException("Filen " + file.getFileName() + " kunde inte läsas: " + e.getMessage(), e);
        }
        if (n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skipBytes = 3;
            encodingName = "UTF-8 med BOM";
        } else if (n >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skipBytes = 2;
            encodingName = "UTF-16";
        } else if (n >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skipBytes = 2;
            encodingName = "UTF-16";
        } else {
            skipBytes = 0;
            if (validUtf8(file)) {
                charset = StandardCharsets.UTF_8;
                encodingName = "UTF-8";
            } else {
                charset = WINDOWS_1252;
                encodingName = "Windows-1252";
            }
        }
        delimiter = detectDelimiter();
        List<String> found = new ArrayList<>();
        long[] row = {0};
        parse((rowNumber, values) -> {
            for (int i = 0; i < values.size(); i++) {
                found.add(headerName(values.get(i), i));
            }
            row[0] = rowNumber;
            return false;
        }, true);
        if (found.isEmpty()) {
            throw new ImportFileException("Filen " + file.getFileName() + " är tom (den innehåller inga rader med text). "
                    + "Exportera avvikelserna igen och kontrollera att filen har en rubrikrad och minst en rad.");
        }
        headers = List.copyOf(found);
        headerRow = row[0];
    }

    /**
     * Whether the file is valid UTF-8. Binary files (NUL bytes) are refused here: they are
     * neither CSV nor XLSX.
     */
    private static boolean validUtf8(Path file) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        boolean valid = true;
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            while (true) {
                int n = ch.read(in);
                boolean eof = n < 0;
                in.flip();
                for (int i = in.position(); i < in.limit(); i++) {
                    if (in.get(i) == 0) {
                        throw new ImportFileException("Filen " + file.getFileName() + " innehåller binära data och är "
                                + "varken en CSV-fil eller en Excel-arbetsbok (.xlsx). Spara exporten som CSV (UTF-8) "
                                + "eller .xlsx och försök igen.");
                    }
                }
                if (valid) {
                    CoderResult r = dec.decode(in, out, eof);
                    if (r.isError()) {
                        valid = false;
                    }
                    out.clear();
                    in.compact();
                } else {
                    in.clear();
                }
                if (eof) {
                    return valid;
                }
            }
        } catch (IOException e) {
            throw new ImportFileException("Filen " + file.getFileName() + " kunde inte läsas: " + e.getMessage(), e);
        }
    }

    /** Semicolon, comma or tab: whichever occurs most often outside quotes in the first line. */
    private char detectDelimiter() {
        int semi = 0;
        int comma = 0;
        int tab = 0;
        try (Reader r = reader(null)) {
            boolean quoted = false;
            boolean content = false;
            for (int i = 0; i < 1_000_000; i++) {
                int c = r.read();
                if (c < 0) {
                    break;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    if (c == '\n' || c == '\r') {
                        if (content) {
                            break;
                        }
                        continue;
                    }
                    switch (c) {
                        case ';' -> semi++;
                        case ',' -> comma++;
                        case '\t' -> tab++;
                        default -> { }
                    }
                }
                if (!Character.isWhitespace(c)) {
                    content = true;
                }
            }
        } catch (IOException e) {
            throw new ImportFileException("Filen " + file().getFileName() + " kunde inte läsas: " + e.getMessage(), e);
        }
        if (tab > semi && tab > comma) {
            return '\t';
        }
        return comma > semi ? ',' : ';';
    }

    private Reader reader(CountingReader[] counting) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file()), 1 << 16);
        InputStream in = new FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }
        };
        in.skipNBytes(skipBytes);
        Reader r = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        if (counting != null) {
            counting[0] = new CountingReader(r, delimiter);
            return counting[0];
        }
        return r;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    public char delimiter() {
        return delimiter;
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public String describe() {
        String d = switch (delimiter) {
            case ';' -> "semikolon";
            case ',' -> "komma";
            default -> "tabb";
        };
        return "CSV, " + encodingName + ", " + d;
    }

    @Override
    public boolean fixedWidth() {
        return true;
    }

    @Override
    public double fractionRead() {
        long size = size();
        return size <= 0 ? -1 : Math.min(1.0, (double) bytesRead / size);
    }

    @Override
    public void forEachRow(RowHandler handler) {
        parse(handler, false);
    }

    /** Parses the file; with {@code headerOnly} delivers the header row, else every data row after it. */
    private void parse(RowHandler handler, boolean headerOnly) {
        bytesRead = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
        CountingReader[] counting = new CountingReader[1];
        boolean headerSeen = false;
        long lastGood = 0;
        try (Reader r = reader(counting); CSVParser parser = CSVParser.parse(r, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e, parser.getCurrentLineNumber(), lastGood, counting[0]);
                }
                lastGood = rec.getRecordNumber();
                List<String> values = Arrays.asList(rec.values());
                if (!headerSeen) {
                    if (blank(values)) {
                        continue;
                    }
                    headerSeen = true;
                    if (headerOnly) {
                        handler.row(rec.getRecordNumber(), values);
                        return;
                    }
                    continue;
                }
                if (blank(values)) {
                    continue;
                }
                if (!handler.row(rec.getRecordNumber(), values)) {
                    return;
                }
            }
        } catch (IOException e) {
            if (counting[0] != null && counting[0].refusal != null) {
                throw unreadable(new UncheckedIOException(e), 0, lastGood, counting[0]);
            }
            throw new ImportFileException("Filen " + file().getFileName() + " kunde inte läsas: " + e.getMessage(), e);
        }
    }

    private ImportFileException unreadable(RuntimeException e, long line, long lastGoodRow, CountingReader counting) {
        if (counting != null && counting.refusal != null) {
            long row = counting.records + 1;
            return switch (counting.refusal) {
                case COLUMNS -> new ImportFileException("Filen kan inte läsas: rad " + row + " i filen har fler än "
                        + "16 384 kolumner (mer än ett Excel-blad rymmer). Kontrollera att det är rätt fil och att den är "
                        + "sparad som CSV med semikolon, komma eller tabb mellan fälten. Inget har lästs in.", e);
                case QUOTED_FIELD -> new ImportFileException("Filen kan inte läsas: ett fält som börjar med citattecken "
                        + "(\") på rad " + row + " i filen är längre än fyra miljoner tecken. Troligen saknas det avslutande "
                        + "citattecknet. Rätta filen och försök igen. Inget har lästs in.", e);
                case FIELD -> new ImportFileException("Filen kan inte läsas: ett fält på rad " + row + " i filen är "
                        + "längre än fyra miljoner tecken, vilket inget fält i Kvalitetshjulet kan vara. Kontrollera att det "
                        + "är rätt fil. Inget har lästs in.", e);
                case ROW -> new ImportFileException("Filen kan inte läsas: rad " + row + " i filen är längre än "
                        + RUNAWAY_FIELD_CHARS / (1024 * 1024) + " miljoner tecken. Kontrollera att det är rätt fil och "
                        + "att inget citattecken (\") saknas. Inget har lästs in.", e);
            };
        }
        String msg = String.valueOf(e.getMessage());
        Matcher start = START_LINE.matcher(msg);
        if (msg.contains("EOF reached before encapsulated token finished")) {
            String where = start.find() ? " på rad " + start.group(1) + " i filen" : " efter rad " + lastGoodRow;
            return new ImportFileException("Ett fält som börjar med citattecken (\")" + where + " avslutas aldrig, så "
                    + "resten av filen kan inte läsas. Lägg till det avslutande citattecknet, eller skriv citattecken "
                    + "inuti ett fält dubbelt (\"\").", e);
        }
        if (msg.contains("Invalid character between encapsulated token and delimiter")
                || msg.contains("Invalid char between encapsulated token and delimiter")) {
            Matcher at = AT_LINE.matcher(msg);
            String where = at.find() ? "rad " + at.group(1) + " i filen" : "raden efter rad " + lastGoodRow;
            return new ImportFileException("På " + where + " kommer text direkt efter ett citerat fält. Citattecken inuti "
                    + "ett fält ska skrivas dubbelt (\"\"), och hela fältet ska stå inom citattecken.", e);
        }
        return new ImportFileException("Filen kunde inte läsas som CSV vid rad " + line + " i filen: " + msg, e);
    }

    /** Which bound a file broke. */
    private enum Refusal { COLUMNS, FIELD, QUOTED_FIELD, ROW }

    /**
     * Follows the CSV grammar as the characters arrive (a quote opens a quoted field only at the field's start, a
     * doubled quote inside one is a quote) and counts the columns of the current row and the characters of its
     * current field and of the row, so that a row of millions of delimiters or a field of gigabytes is refused
     * before the parser has collected it. {@link #records} is the number of rows ended so far.
     */
    private static final class CountingReader extends FilterReader {
        private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

        private final char delimiter;
        private State state = State.FIELD_START;
        private int columns = 1;
        private long fieldChars;
        private long rowChars;
        private boolean afterCr;
        private long records;
        private Refusal refusal;

        CountingReader(Reader in, char delimiter) {
            super(in);
            this.delimiter = delimiter;
        }

        private void see(char c) throws IOException {
            boolean lf = c == '\n';
            boolean cr = c == '\r';
            if (lf && afterCr) { // the second half of a CRLF
                afterCr = false;
                return;
            }
            afterCr = cr;
            boolean lineEnd = lf || cr;
            switch (state) {
                case FIELD_START, UNQUOTED, QUOTE_IN_QUOTED -> {
                    if (c == '"' && state == State.FIELD_START) {
                        state = State.QUOTED;
                    } else if (c == '"' && state == State.QUOTE_IN_QUOTED) {
                        state = State.QUOTED; // a doubled quote: one quote in the value
                        fieldChars++;
                    } else if (c == delimiter) {
                        if (++columns > MAX_COLUMNS) {
                            refuse(Refusal.COLUMNS);
                        }
                        fieldChars = 0;
                        state = State.FIELD_START;
                    } else if (lineEnd) {
                        records++;
                        columns = 1;
                        fieldChars = 0;
                        rowChars = 0;
                        state = State.FIELD_START;
                        return;
                    } else {
                        fieldChars++;
                        state = State.UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        fieldChars++;
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (fieldChars > MAX_FIELD_CHARS) {
                refuse(state == State.QUOTED || state == State.QUOTE_IN_QUOTED ? Refusal.QUOTED_FIELD : Refusal.FIELD);
            }
            if (++rowChars > RUNAWAY_FIELD_CHARS) {
                refuse(Refusal.ROW);
            }
        }

        private void refuse(Refusal r) throws IOException {
            refusal = r;
            throw new IOException("CSV bound broken: " + r);
        }

        @Override
        public int read() throws IOException {
            if (refusal != null) {
                throw new IOException("CSV bound broken: " + refusal);
            }
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (refusal != null) {
                throw new IOException("CSV bound broken: " + refusal);
            }
            int n = super.read(cbuf, off, len);
            for (int i = 0; i < n; i++) {
                see(cbuf[off + i]);
            }
            return n;
        }
    }
}

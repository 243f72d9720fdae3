package se.kvalitetshjulet.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.domain.org.UnitLookup;

/**
 * Imports denominators (care recipients, care days, visits per unit and month) from a CSV file
 * with the columns {@code Enhet;År;Månad;Brukare;Vårddygn;Besök} (comma or semicolon, UTF-8). A unit is named
 * by its name or, where names repeat ("Våning 1"), by its path ("Ekhagen › Våning 1").
 * All or nothing: one bad row and nothing is written; every problem is reported with its row.
 */
public final class DenominatorImporter {
    /** The outcome: rows written, or the problems that stopped the import. */
    public record Result(int rows, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Database db;
    private final DenominatorRepository repo;
    private final OrganisationService organisation;

    public DenominatorImporter(Database db, DenominatorRepository repo, OrganisationService organisation) {
        this.db = db;
        this.repo = repo;
        this.organisation = organisation;
    }

    private record Row(long unitId, int year, int month, Integer recipients, Integer careDays, Integer visits) { }

    public Result importCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() >= firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        UnitLookup units = new UnitLookup(organisation.tree());
        List<String> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader r = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(r, format)) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            for (String required : List.of("enhet", "år", "månad")) {
                if (!header.containsKey(required)) {
                    return new Result(0, List.of("Kolumnen '" + required + "' saknas. Filen ska ha kolumnerna "
                            + "Enhet;År;Månad;Brukare;Vårddygn;Besök. Hittade: " + parser.getHeaderNames()));
                }
            }
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                String unitName = get(rec, header, "enhet");
                Long unitId = null;
                switch (units.find(unitName)) {
                    case UnitLookup.Found f -> unitId = f.unitId();
                    case UnitLookup.Ambiguous a -> errors.add("Rad " + line + ": det finns flera enheter som heter '"
                            + unitName + "': " + String.join("; ", a.paths()) + ". Ange hela sökvägen, t.ex. '"
                            + a.paths().getFirst() + "'.");
                    case UnitLookup.Missing m -> errors.add("Rad " + line + ": enheten '" + (unitName == null ? "" : unitName)
                            + "' finns inte. Skapa den under Organisation eller rätta namnet"
                            + (m.sameName().isEmpty() ? "." : " (enheter med det namnet: " + String.join("; ", m.sameName()) + ")."));
                }
                Integer year = number(rec, header, "år", line, 2000, 2100, errors);
                Integer month = number(rec, header, "månad", line, 1, 12, errors);
                Integer recipients = number(rec, header, "brukare", line, 0, 1_000_000, errors);
                Integer careDays = number(rec, header, "vårddygn", line, 0, 100_000_000, errors);
                Integer visits = number(rec, header, "besök", line, 0, 100_000_000, errors);
                if (unitId != null && year != null && month != null) {
                    rows.add(new Row(unitId, year, month, recipients, careDays, visits));
                }
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return new Result(0, List.of("Filen kunde inte läsas som CSV: " + e.getMessage()));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add("Filen innehåller inga rader med nämnare.");
        }
        if (!errors.isEmpty()) {
            return new Result(0, errors);
        }
        db.txRun(tx -> rows.forEach(r -> repo.save(tx, r.unitId(), new se.kvalitetshjulet.domain.trend.MonthDenominator(
                java.time.YearMonth.of(r.year(), r.month()), r.recipients(), r.careDays(), r.visits()))));
        return new Result(rows.size(), List.of());
    }

    private static String get(CSVRecord rec, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        if (i == null || i >= rec.size()) {
            return null;
        }
        String v = rec.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Integer number(CSVRecord rec, Map<String, Integer> header, String column, long line, int min, int max,
                                  List<String> errors) {
        String v = get(rec, header, column);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.replace(" ", "").replace("\u00a0", ""));
            if (n < min || n > max) {
                errors.add("Rad " + line + ": " + column + " = " + n + " ligger utanför " + min + "–" + max + ".");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add("Rad " + line + ": " + column + " = '" + v + "' är inget heltal.");
            return null;
        }
    }
}

package se.kvalitetshjulet.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.domain.Printable;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.TabularReader;

/**
 * Imports denominators (care recipients, care days, visits per unit and month) from a CSV file
 * with the columns {@code Enhet;År;Månad;Brukare;Vårddygn;Besök} (or an .xlsx with them). A unit is named
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

    /** Errors listed at most; the count says how many more there were. */
    static final int ERRORS_LISTED = 200;

    /**
     * Reads the file like the deviation import does (decision 4): CSV in UTF-8, UTF-16 or Windows-1252 (a BOM
     * decides, else valid UTF-8 is UTF-8), semicolon, comma or tab, or the first sheet of an .xlsx; two streaming
     * passes (check everything, then write in one transaction), so a file of any size is read in bounded memory. A
     * unit and month given twice is an error (with both rows), never "the last one wins".
     */
    public Result importCsv(Path file) throws IOException {
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            return new Result(0, List.of(e.getMessage()));
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> names = reader.headers();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("enhet", "år", "månad")) {
            if (!header.containsKey(required)) {
                return new Result(0, List.of("Kolumnen '" + required + "' saknas. Filen ska ha kolumnerna "
                        + "Enhet;År;Månad;Brukare;Vårddygn;Besök. Hittade: " + Printable.escape(String.join(", ",
                        names.subList(0, Math.min(20, names.size())))) + (names.size() > 20 ? " …" : "") + "."));
            }
        }
        UnitLookup units = new UnitLookup(organisation.tree());
        Errors errors = new Errors();
        Map<Long, Long> seen = new HashMap<>();
        long[] rows = {0};
        try {
            reader.forEachRow((line, values) -> {
                Row r = parse(line, values, header, units, errors);
                if (r != null) {
                    Long first = seen.putIfAbsent(r.key(), line);
                    if (first != null) {
                        errors.add("Rad " + line + ": " + r.unitLabel() + " " + r.year() + "-" + two(r.month())
                                + " finns redan på rad " + first + ". Varje enhet och månad får bara finnas en gång; "
                                + "ta bort den ena raden.");
                    }
                }
                rows[0]++;
                return true;
            });
        } catch (ImportFileException e) {
            return new Result(0, List.of(e.getMessage()));
        }
        if (rows[0] == 0 && errors.count == 0) {
            errors.add("Filen innehåller inga rader med nämnare.");
        }
        if (errors.count > 0) {
            return new Result(0, errors.listed());
        }
        if (!reader.unchangedSinceOpen()) {
            return new Result(0, List.of("Filen ändrades medan den lästes. Inget har sparats; läs in den igen."));
        }
        int[] written = {0};
        db.txRun(tx -> reader.forEachRow((line, values) -> {
            Row r = parse(line, values, header, units, new Errors());
            if (r == null) {
                throw new IllegalStateException("Rad " + line + " gick att läsa vid kontrollen men inte vid inläsningen; "
                        + "filen har troligen ändrats. Inget har sparats.");
            }
            repo.save(tx, r.unitId(), new se.kvalitetshjulet.domain.trend.MonthDenominator(
                    java.time.YearMonth.of(r.year(), r.month()), r.recipients(), r.careDays(), r.visits()));
            written[0]++;
            return true;
        }));
        return new Result(written[0], List.of());
    }

    private record Row(long unitId, String unitLabel, int year, int month, Integer recipients, Integer careDays,
                       Integer visits) {
        long key() {
            return unitId * 1_000_000L + year * 100L + month;
        }
    }

    /** The first {@value #ERRORS_LISTED} errors, and how many there were in all. */
    private static final class Errors {
        private final List<String> list = new ArrayList<>();
        private long count;

        void add(String e) {
            count++;
            if (list.size() < ERRORS_LISTED) {
                list.add(e);
            }
        }

        List<String> listed() {
            List<String> out = new ArrayList<>(list);
            if (count > list.size()) {
                out.add("… och " + (count - list.size()) + " fel till (" + count + " fel sammanlagt).");
            }
            return out;
        }
    }

    private static String two(int m) {
        return m < 10 ? "0" + m : Integer.toString(m);
    }

    private static Row parse(long line, List<String> rec, Map<String, Integer> header, UnitLookup units, Errors errors) {
        String unitName = get(rec, header, "enhet");
        Long unitId = null;
        switch (units.find(unitName)) {
            case UnitLookup.Found f -> unitId = f.unitId();
            case UnitLookup.Ambiguous a -> errors.add("Rad " + line + ": det finns flera enheter som heter '"
                    + Printable.escape(unitName) + "': " + String.join("; ", a.paths()) + ". Ange hela sökvägen, t.ex. '"
                    + a.paths().getFirst() + "'.");
            case UnitLookup.Missing m -> errors.add("Rad " + line + ": enheten '" + (unitName == null ? ""
                    : Printable.escape(cut(unitName))) + "' finns inte. Skapa den under Organisation eller rätta namnet"
                    + (m.sameName().isEmpty() ? "." : " (enheter med det namnet: " + String.join("; ", m.sameName()) + ")."));
        }
        Integer year = number(rec, header, "år", line, 2000, 2100, errors);
        Integer month = number(rec, header, "månad", line, 1, 12, errors);
        Integer recipients = number(rec, header, "brukare", line, 0, 1_000_000, errors);
        Integer careDays = number(rec, header, "vårddygn", line, 0, 100_000_000, errors);
        Integer visits = number(rec, header, "besök", line, 0, 100_000_000, errors);
        if (get(rec, header, "år") == null) {
            errors.add("Rad " + line + ": år saknas.");
        }
        if (get(rec, header, "månad") == null) {
            errors.add("Rad " + line + ": månad saknas.");
        }
        if (unitId == null || year == null || month == null) {
            return null;
        }
        return new Row(unitId, unitName, year, month, recipients, careDays, visits);
    }

    private static String cut(String v) {
        return v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }

    private static String get(List<String> rec, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        if (i == null || i >= rec.size()) {
            return null;
        }
        String v = rec.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Integer number(List<String> rec, Map<String, Integer> header, String column, long line, int min,
                                  int max, Errors errors) {
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
            errors.add("Rad " + line + ": " + column + " = '" + Printable.escape(cut(v)) + "' är inget heltal.");
            return null;
        }
    }
}

package se.kvalitetshjulet.service.keyfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.TabularReader;
import se.kvalitetshjulet.service.imports.ValueParsers;

/**
 * Imports the national user survey's results per unit from CSV or XLSX (read by the deviation import's
 * {@link TabularReader}: encoding, delimiter and Excel handled the same way), one row per unit and question. All or
 * nothing: every row is checked first. Shares written as fractions (0,875) are recognised when the whole column is
 * at most 1; cells such as "*" or "för få svar" mean "not published" and stay missing (never 0). Re-importing the
 * same file changes nothing.
 */
public final class SurveyImporter {
    /** What was read, or the row errors that stopped the import. */
    public record Result(int rows, int inserted, int updated, int unchanged, int suppressed, String mapping,
                         List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Raw(long row, long unitId, Integer year, String code, String question, Double share,
                       Integer respondents, Integer invited, Double rate, boolean marker) { }

    private final Database db;
    private final KeyFigureRepository repo;
    private final OrganisationService organisation;

    public SurveyImporter(Database db, KeyFigureRepository repo, OrganisationService organisation) {
        this.db = db;
        this.repo = repo;
        this.organisation = organisation;
    }

    /**
     * @param year    the survey year when the file has no year column (may be null)
     * @param mapping columns chosen by the user, over the guessed ones (may be null)
     */
    public Result importFile(Path file, Integer year, SurveyMapping mapping, boolean dryRun) {
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            return new Result(0, 0, 0, 0, 0, "", List.of(e.getMessage()));
        }
        List<String> headers = reader.headers();
        SurveyMapping m = SurveyMapping.guess(headers);
        if (mapping != null) {
            m = m.overriddenBy(mapping);
        }
        SurveyMapping map = m;
        List<String> problems = map.problems(headers, year != null);
        String described = map.columns().entrySet().stream().map(e -> "'" + e.getValue() + "' → " + e.getKey().label())
                .reduce((a, b) -> a + ", " + b).orElse("");
        if (!problems.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, described, problems);
        }
        UnitLookup units = new UnitLookup(organisation.tree());
        List<String> errors = new ArrayList<>();
        List<Raw> rows = new ArrayList<>();
        int[] idx = new int[SurveyField.values().length];
        for (SurveyField f : SurveyField.values()) {
            idx[f.ordinal()] = map.index(headers, f);
        }
        try {
            reader.forEachRow((rowNumber, values) -> {
                String where = "Rad " + rowNumber;
                String unitName = cell(values, idx[SurveyField.UNIT.ordinal()]);
                Long unitId = null;
                if (unitName == null) {
                    errors.add(where + ": enheten saknas.");
                } else {
                    switch (units.find(unitName)) {
                        case UnitLookup.Found f -> unitId = f.unitId();
                        case UnitLookup.Ambiguous a -> errors.add(where + ": det finns flera enheter som heter '"
                                + unitName + "': " + String.join("; ", a.paths()) + ". Skriv hela sökvägen i filen.");
                        case UnitLookup.Missing x -> errors.add(where + ": enheten '" + unitName + "' finns inte. "
                                + "Skapa den under Organisation eller rätta namnet i filen.");
                    }
                }
                String question = cell(values, idx[SurveyField.QUESTION.ordinal()]);
                if (question == null) {
                    errors.add(where + ": frågan saknas.");
                }
                String code = cell(values, idx[SurveyField.QUESTION_CODE.ordinal()]);
                if (code == null && question != null) {
                    code = ValueParsers.key(question);
                    code = code.length() > 40 ? code.substring(0, 40) : code;
                }
                Integer y = year;
                String yearCell = cell(values, idx[SurveyField.YEAR.ordinal()]);
                if (yearCell != null) {
                    try {
                        y = Numbers.whole(yearCell);
                        if (y < 2000 || y > 2100) {
                            errors.add(where + ": året " + y + " ligger utanför 2000–2100.");
                            y = null;
                        }
                    } catch (NumberFormatException e) {
                        errors.add(where + ": år " + e.getMessage());
                    }
                }
                if (y == null && yearCell == null) {
                    errors.add(where + ": året saknas. Ange det med --year eller i en kolumn.");
                }
                String shareCell = cell(values, idx[SurveyField.SHARE.ordinal()]);
                boolean marker = Numbers.suppressedMarker(shareCell);
                Double share = marker ? null : number(where, "andel positiva", shareCell, errors);
                Integer respondents = whole(where, "antal svarande", cell(values, idx[SurveyField.RESPONDENTS.ordinal()]), errors);
                Integer invited = whole(where, "antal tillfrågade", cell(values, idx[SurveyField.INVITED.ordinal()]), errors);
                String rateCell = cell(values, idx[SurveyField.RESPONSE_RATE.ordinal()]);
                Double rate = Numbers.suppressedMarker(rateCell) ? null : number(where, "svarsfrekvens", rateCell, errors);
                if (respondents != null && invited != null && respondents > invited) {
                    errors.add(where + ": fler svarande (" + respondents + ") än tillfrågade (" + invited + ").");
                }
                if (respondents != null && respondents < 0 || invited != null && invited < 0) {
                    errors.add(where + ": antal kan inte vara negativt.");
                }
                if (unitId != null && question != null && y != null) {
                    rows.add(new Raw(rowNumber, unitId, y, code, question, share, respondents, invited, rate, marker));
                }
                return errors.size() < 200;
            });
        } catch (ImportFileException e) {
            return new Result(0, 0, 0, 0, 0, described, List.of(e.getMessage()));
        }
        boolean shareFractions = allFractions(rows.stream().map(Raw::share).toList());
        boolean rateFractions = allFractions(rows.stream().map(Raw::rate).toList());
        List<SurveyResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int suppressed = 0;
        for (Raw r : rows) {
            Double share = r.share() == null ? null : shareFractions ? r.share() * 100 : r.share();
            Double rate = r.rate() == null ? null : rateFractions ? r.rate() * 100 : r.rate();
            if (share != null && (share < 0 || share > 100)) {
                errors.add("Rad " + r.row() + ": andelen " + r.share() + " ligger utanför 0–100 %.");
                continue;
            }
            if (rate != null && (rate < 0 || rate > 100)) {
                errors.add("Rad " + r.row() + ": svarsfrekvensen " + r.rate() + " ligger utanför 0–100 %.");
                continue;
            }
            if (!seen.add(r.year() + "|" + r.unitId() + "|" + r.code())) {
                errors.add("Rad " + r.row() + ": samma enhet, år och fråga finns redan på en tidigare rad.");
                continue;
            }
            if (share == null) {
                suppressed++;
            }
            results.add(new SurveyResult(r.year(), r.unitId(), r.code(), r.question(), share, r.respondents(),
                    r.invited(), rate));
        }
        if (errors.isEmpty() && results.isEmpty()) {
            errors.add("Filen innehåller inga resultatrader.");
        }
        if (!errors.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, described, List.copyOf(errors));
        }
        if (dryRun) {
            return new Result(results.size(), 0, 0, 0, suppressed, described, List.of());
        }
        String source = file.getFileName().toString();
        KeyFigureRepository.Written w = db.tx(tx -> {
            KeyFigureRepository.Written sum = new KeyFigureRepository.Written(0, 0, 0);
            for (SurveyResult s : results) {
                sum = sum.plus(repo.saveSurvey(tx, s, source));
            }
            if (sum.changedAnything()) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("file", source);
                after.put("survey_rows_inserted", sum.inserted());
                after.put("survey_rows_updated", sum.updated());
                repo.auditSummary(tx, KeyFigureRepository.IMPORT_ENTITY, 0, null, after);
            }
            return sum;
        });
        return new Result(results.size(), w.inserted(), w.updated(), w.unchanged(), suppressed, described, List.of());
    }

    private static boolean allFractions(List<Double> values) {
        boolean any = false;
        for (Double d : values) {
            if (d != null) {
                if (d > 1.0) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static String cell(List<String> values, int i) {
        if (i < 0 || i >= values.size()) {
            return null;
        }
        String v = values.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Double number(String where, String what, String raw, List<String> errors) {
        try {
            return Numbers.decimal(raw);
        } catch (NumberFormatException e) {
            errors.add(where + ": " + what + " " + e.getMessage());
            return null;
        }
    }

    private static Integer whole(String where, String what, String raw, List<String> errors) {
        if (Numbers.suppressedMarker(raw)) {
            return null;
        }
        try {
            return Numbers.whole(raw);
        } catch (NumberFormatException e) {
            errors.add(where + ": " + what + " " + e.getMessage());
            return null;
        }
    }
}

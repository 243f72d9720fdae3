package se.kvalitetshjulet.service.keyfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.FollowUpRepository;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.FollowUpCount;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.FollowUpRules;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.TabularReader;
import se.kvalitetshjulet.service.imports.ValueParsers;

/**
 * Aggregated individual follow-up (seed 000): case officers record each follow-up pseudonymously, and the board sees
 * shares per unit, area, month and tertial — with a genomförandeplan, an up-to-date plan, the insats as decided, the
 * person's wishes followed up — as P charts with the trend screen's rules (Anhøj runs, 3-sigma limits, missing months
 * left out), never as bare percentages.
 */
public final class FollowUpService {
    /** Headers the import recognises, per column (compared as the deviation import does). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("caseRef", List.of("Ärendereferens", "Ärende", "Ärendenummer", "Referens", "Pseudonym", "Case ref"));
        COLUMNS.put("date", List.of("Datum", "Uppföljningsdatum", "Uppföljd", "Date"));
        COLUMNS.put("unit", List.of("Enhet", "Utförare", "Verksamhet", "Unit"));
        COLUMNS.put("insats", List.of("Insats", "Insatstyp", "Beviljad insats"));
        COLUMNS.put("planExists", List.of("Genomförandeplan finns", "Genomförandeplan", "GP finns"));
        COLUMNS.put("planUpToDate", List.of("Genomförandeplan aktuell", "Aktuell genomförandeplan", "GP aktuell"));
        COLUMNS.put("meetsDecision", List.of("Insatsen motsvarar beslutet", "Motsvarar beslutet", "Enligt beslut"));
        COLUMNS.put("wishes", List.of("Önskemål uppföljda", "Önskemål följts upp", "Önskemål"));
        COLUMNS.put("remark", List.of("Anmärkning", "Kommentar", "Notering", "Remark"));
    }

    /** One unit's counts in one tertial. */
    public record TertialRow(long unitId, String unit, int tertial, FollowUpCount count) { }

    /** What an import did, or why it wrote nothing. */
    public record ImportResult(int rows, int inserted, int unchanged, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Database db;
    private final FollowUpRepository repo;
    private final KeyFigureRepository keyFigures;
    private final OrganisationService organisation;
    private final Clock clock;
    /** Where the counts come from: the database for each question, or one reading of them all (a report). */
    private final Counts counts;

    /** Month counts of the units ({@code null}: all) in a period, per unit and month, ordered by year, month, unit. */
    @FunctionalInterface
    private interface Counts {
        List<FollowUpRepository.MonthCount> monthCounts(Set<Long> unitIds, LocalDate from, LocalDate to);
    }

    public FollowUpService(Database db, FollowUpRepository repo, KeyFigureRepository keyFigures,
                           OrganisationService organisation, Clock clock) {
        this(db, repo, keyFigures, organisation, clock, null);
    }

    private FollowUpService(Database db, FollowUpRepository repo, KeyFigureRepository keyFigures,
                            OrganisationService organisation, Clock clock, Counts counts) {
        this.db = db;
        this.repo = repo;
        this.keyFigures = keyFigures;
        this.organisation = organisation;
        this.clock = clock;
        this.counts = counts == null ? repo::monthCounts : counts;
    }

    /**
     * The follow-ups' counts as they are now, read in one grouped query ({@link FollowUpRepository#dayCounts}), and
     * the organisation as {@code organisation} holds it: every count of the returned service is answered from that
     * reading, exactly as the database would answer it, without asking again. A report asks for each unit and year;
     * this is what it reads them from (decision 0045). Its import and saving are those of this service.
     */
    public FollowUpService reading(OrganisationService organisation) {
        return new FollowUpService(db, repo, keyFigures, organisation, clock, new DayCounts(repo.dayCounts()));
    }

    /**
     * {@link FollowUpRepository#monthCounts} over counts per unit and day read once: the same rows (unit, year and
     * month with their sums), in the same order (year, month, unit), for any period and set of units.
     */
    private record DayCounts(List<FollowUpRepository.DayCount> days) implements Counts {
        /** Sorts as the query's {@code ORDER BY year, month, unit_id}. */
        private record Key(int year, int month, long unitId) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = Integer.compare(year, o.year);
                c = c != 0 ? c : Integer.compare(month, o.month);
                return c != 0 ? c : Long.compare(unitId, o.unitId);
            }
        }

        @Override
        public List<FollowUpRepository.MonthCount> monthCounts(Set<Long> unitIds, LocalDate from, LocalDate to) {
            int n = FollowUpMeasure.values().length;
            Map<Key, FollowUpRepository.MonthCount> out = new TreeMap<>();
            for (FollowUpRepository.DayCount d : days) {
                if (d.day().isBefore(from) || d.day().isAfter(to) || (unitIds != null && !unitIds.contains(d.unitId()))) {
                    continue;
                }
                Key key = new Key(d.day().getYear(), d.day().getMonthValue(), d.unitId());
                FollowUpRepository.MonthCount c = out.computeIfAbsent(key, k -> new FollowUpRepository.MonthCount(
                        k.unitId(), k.year(), k.month(), 0, new int[n], new int[n]));
                for (int i = 0; i < n; i++) {
                    c.assessed()[i] += d.assessed()[i];
                    c.yes()[i] += d.yes()[i];
                }
                out.put(key, new FollowUpRepository.MonthCount(c.unitId(), c.year(), c.month(),
                        c.followUps() + d.followUps(), c.assessed(), c.yes()));
            }
            return List.copyOf(out.values());
        }
    }

    /** Validates and saves one follow-up with its audit row; returns its id or the problems. */
    public SaveResult<Long> save(FollowUp f) {
        List<Problem> problems = new ArrayList<>(FollowUpRules.problems(f, LocalDate.now(clock)));
        if (organisation.tree().find(f.unitId()).isEmpty()) {
            problems.add(new Problem("unit", "followUp.validation.unitMissing"));
        }
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> repo.save(tx, f, LocalDateTime.now(clock))));
    }

    public boolean delete(long id) {
        return db.tx(tx -> repo.delete(tx, id));
    }

    public List<FollowUp> latest(Long unitId, Long areaId, LocalDate from, LocalDate to, int limit) {
        return repo.list(organisation.unitScope(unitId, areaId), from, to, limit);
    }

    public int count() {
        return repo.count();
    }

    /** Months from {@code from} to {@code to}: the share of {@code m} per month with its P chart. */
    public ShareSeries monthly(Long unitId, Long areaId, FollowUpMeasure m, YearMonth from, YearMonth to) {
        Set<Long> scope = organisation.unitScope(unitId, areaId);
        int months = (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
        int[] yes = new int[months];
        int[] assessed = new int[months];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            labels.add(from.plusMonths(i).toString());
        }
        for (FollowUpRepository.MonthCount c : counts.monthCounts(scope, from.atDay(1), to.atEndOfMonth())) {
            int i = (int) (c.year() * 12L + c.month() - from.getYear() * 12L - from.getMonthValue());
            if (i >= 0 && i < months) {
                yes[i] += c.yes()[m.ordinal()];
                assessed[i] += c.assessed()[m.ordinal()];
            }
        }
        return ShareSeries.of(labels, yes, assessed, false);
    }

    /** Counts per unit (leaf units that have follow-ups) in the period, in the organisation's order. */
    public List<FollowUpCount> byUnit(Long unitId, Long areaId, LocalDate from, LocalDate to) {
        Set<Long> scope = organisation.unitScope(unitId, areaId);
        OrgTree tree = organisation.tree();
        Map<Long, FollowUpCount> out = new LinkedHashMap<>();
        for (FollowUpRepository.MonthCount c : counts.monthCounts(scope, from, to)) {
            FollowUpCount prev = out.getOrDefault(c.unitId(),
                    FollowUpCount.empty(tree.find(c.unitId()).map(u -> u.name()).orElse("?")));
            out.put(c.unitId(), add(prev, c));
        }
        return out.values().stream().sorted(java.util.Comparator.comparing(FollowUpCount::label)).toList();
    }

    /** The total over the scope in the period. */
    public FollowUpCount total(Long unitId, Long areaId, LocalDate from, LocalDate to, String label) {
        FollowUpCount sum = FollowUpCount.empty(label);
        for (FollowUpRepository.MonthCount c : counts.monthCounts(organisation.unitScope(unitId, areaId), from, to)) {
            sum = add(sum, c);
        }
        return sum;
    }

    /** Per unit and tertial of the year: the patterns per tertial the board reads. */
    public List<TertialRow> byTertial(Long unitId, Long areaId, int year) {
        Set<Long> scope = organisation.unitScope(unitId, areaId);
        OrgTree tree = organisation.tree();
        Map<String, TertialRow> out = new TreeMap<>();
        for (FollowUpRepository.MonthCount c : counts.monthCounts(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            int t = Period.tertialOf(c.month());
            String name = tree.find(c.unitId()).map(u -> u.name()).orElse("?");
            String key = name + "|" + c.unitId() + "|" + t;
            TertialRow prev = out.get(key);
            FollowUpCount count = add(prev == null ? FollowUpCount.empty(name + " T" + t) : prev.count(), c);
            out.put(key, new TertialRow(c.unitId(), name, t, count));
        }
        return List.copyOf(out.values());
    }

    private static FollowUpCount add(FollowUpCount a, FollowUpRepository.MonthCount c) {
        int[] as = a.assessed().clone();
        int[] ys = a.yes().clone();
        for (int i = 0; i < as.length; i++) {
            as[i] += c.assessed()[i];
            ys[i] += c.yes()[i];
        }
        return new FollowUpCount(a.label(), a.followUps() + c.followUps(), as, ys);
    }

    // ---- import ------------------------------------------------------------------------

    /**
     * Imports follow-ups from CSV/XLSX (columns in {@link #COLUMNS}); all or nothing, every row checked with the same
     * rules as the form (a personnummer or a name in the case reference rejects the file). A follow-up already there
     * (same case reference, date and insats) is left alone, so a second import changes nothing.
     */
    public ImportResult importFile(Path file) {
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            return new ImportResult(0, 0, 0, List.of(e.getMessage()));
        }
        List<String> headers = reader.headers();
        Map<String, Integer> idx = new LinkedHashMap<>();
        COLUMNS.forEach((field, names) -> {
            for (String n : names) {
                int i = ImportMapping.indexOf(headers, n);
                if (i >= 0) {
                    idx.put(field, i);
                    break;
                }
            }
        });
        List<String> errors = new ArrayList<>();
        for (String required : List.of("caseRef", "date", "unit", "insats")) {
            if (!idx.containsKey(required)) {
                errors.add("Kolumnen för '" + COLUMNS.get(required).getFirst() + "' saknas. Filen ska ha kolumnerna "
                        + String.join(";", COLUMNS.values().stream().map(List::getFirst).toList()) + ". Hittade: "
                        + String.join(", ", headers) + ".");
            }
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, 0, errors);
        }
        UnitLookup units = new UnitLookup(organisation.tree());
        LocalDate today = LocalDate.now(clock);
        List<FollowUp> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            reader.forEachRow((rowNumber, values) -> {
                String where = "Rad " + rowNumber;
                Long unitId = null;
                String unit = cell(values, idx.get("unit"));
                switch (units.find(unit)) {
                    case UnitLookup.Found f -> unitId = f.unitId();
                    case UnitLookup.Ambiguous a -> errors.add(where + ": flera enheter heter '" + unit + "': "
                            + String.join("; ", a.paths()) + ". Skriv hela sökvägen.");
                    case UnitLookup.Missing x -> errors.add(where + ": enheten '" + (unit == null ? "" : unit)
                            + "' finns inte. Skapa den under Organisation eller rätta namnet.");
                }
                LocalDate date = null;
                String d = cell(values, idx.get("date"));
                if (d != null) {
                    try {
                        date = ValueParsers.date(d);
                    } catch (ValueParsers.InvalidValue e) {
                        errors.add(where + ": " + e.getMessage());
                    }
                }
                Boolean[] answers = new Boolean[4];
                String[] keys = {"planExists", "planUpToDate", "meetsDecision", "wishes"};
                for (int i = 0; i < 4; i++) {
                    answers[i] = yesNoOrNull(where, COLUMNS.get(keys[i]).getFirst(), cell(values, idx.get(keys[i])), errors);
                }
                FollowUp f = new FollowUp(null, cell(values, idx.get("caseRef")), date, unitId == null ? -1 : unitId,
                        cell(values, idx.get("insats")), answers[0], answers[1], answers[2], answers[3],
                        cell(values, idx.get("remark")));
                for (Problem p : FollowUpRules.problems(f, today)) {
                    errors.add(where + ": " + FollowUpMessages.swedish(p));
                }
                if (unitId != null && date != null && f.caseRef() != null && f.insats() != null
                        && !seen.add(f.caseRef().strip() + "|" + date + "|" + f.insats().strip())) {
                    errors.add(where + ": samma ärendereferens, datum och insats finns redan på en tidigare rad.");
                }
                rows.add(f);
                return errors.size() < 200;
            });
        } catch (ImportFileException e) {
            return new ImportResult(0, 0, 0, List.of(e.getMessage()));
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add("Filen innehåller inga uppföljningar.");
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, 0, List.copyOf(errors));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int[] w = new int[2];
        db.txRun(tx -> {
            for (FollowUp f : rows) {
                if (repo.find(tx, f.caseRef().strip(), f.date(), f.insats().strip()).isPresent()) {
                    w[1]++;
                } else {
                    repo.insertImported(tx, f, now);
                    w[0]++;
                }
            }
            if (w[0] > 0) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("file", file.getFileName().toString());
                after.put("follow_ups_inserted", w[0]);
                keyFigures.auditSummary(tx, KeyFigureRepository.IMPORT_ENTITY, 0, null, after);
            }
        });
        return new ImportResult(rows.size(), w[0], w[1], List.of());
    }

    private static Boolean yesNoOrNull(String where, String column, String raw, List<String> errors) {
        if (raw == null) {
            return null;
        }
        String k = ValueParsers.key(raw);
        if (k.equals("ej bedomd") || k.equals("ej aktuellt") || k.equals("ej tillampligt") || k.equals("vet ej")
                || k.equals("ej bedomt")) {
            return null;
        }
        try {
            return ValueParsers.yesNo(raw);
        } catch (ValueParsers.InvalidValue e) {
            errors.add(where + ": " + column + ": värdet '" + raw + "' ska vara ja, nej eller ej bedömd.");
            return null;
        }
    }

    private static String cell(List<String> values, Integer i) {
        if (i == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }
}

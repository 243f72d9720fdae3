package se.kvalitetshjulet.service.demo;

import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.service.QualityPlanService;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.AnnualCycleService;
import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleConsumer;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Builds a realistic fictional municipality (Sjöbacka kommun) with three years of
 * deviations. Deterministic: the same seed and the same "today" give the same data.
 * One unit (Solbackens boende, avdelning Linden) gets a real rise in falls after
 * 1 March of last year, so that run and control charts have something true to find.
 */
public final class DemoDataService {
    public static final String SHIFT_UNIT = "Avdelning Linden";

    private final Database db;
    private final UnitRepository units;
    private final TaxonomyRepository taxonomies;
    private final DeviationRepository deviations;
    private final SettingsRepository settings;
    private final DenominatorRepository denominators;
    private final SelfCheckService selfChecks;
    private final RiskRepository risks;
    private final CouncilService councils;
    private final ActionService actions;
    private final AnnualCycleService annualCycle;
    private final QualityPlanService qualityPlans;
    private final se.kvalitetshjulet.data.repo.BoardFiguresRepository assessedDates;

    public DemoDataService(Database db, UnitRepository units, TaxonomyRepository taxonomies,
                           DeviationRepository deviations, SettingsRepository settings, DenominatorRepository denominators,
                           SelfCheckService selfChecks, RiskRepository risks, CouncilService councils,
                           ActionService actions, AnnualCycleService annualCycle, QualityPlanService qualityPlans) {
        this.councils = councils;
        this.actions = actions;
        this.annualCycle = annualCycle;
        this.qualityPlans = qualityPlans;
        this.db = db;
        this.denominators = denominators;
        this.selfChecks = selfChecks;
        this.risks = risks;
        this.units = units;
        this.taxonomies = taxonomies;
        this.deviations = deviations;
        this.settings = settings;
        this.assessedDates = new se.kvalitetshjulet.data.repo.BoardFiguresRepository(db);
    }

    /** Summary of what was created. */
    public record Summary(int units, long deviations) { }

    private record LeafUnit(Unit unit, String area) { }

    /**
     * h6 (issue 15): who reported the demo's cases. Each unit has its section chief and two or three staff who
     * register, spread as in a real register (the chief about a third, the staff the rest); the demo's own user (the
     * person running it, {@code registered_by} as any registration) works at the first unit and reported a handful of
     * the last year's cases there, so "Mina rapporterade avvikelser" shows a few, not all. Drawn from a generator of
     * its own: every other demo figure stays as it was.
     */
    private static final class Reporters {
        private static final String[] FIRST = {"Karin", "Ahmed", "Lena", "Johanna", "Mikael", "Sara", "Fatima", "Erik",
                "Malin", "Jonas", "Leila", "Kerstin", "Peter", "Elin", "Amira", "Anders", "Hanna", "Ali", "Eva",
                "Linnea", "Per", "Nadia", "Camilla", "Johan", "Ida", "Mohammed", "Helena", "Lars", "Sofia", "Emma"};
        private static final String[] LAST = {"Lindberg", "Hassan", "Nilsson", "Berg", "Karlsson", "Holm", "Eriksson",
                "Sandberg", "Axelsson", "Lindqvist", "Persson", "Ali", "Svensson", "Lindström", "Jonsson", "Hansson",
                "Bengtsson", "Olsson", "Gustafsson", "Pettersson", "Larsson", "Andersson", "Johansson"};
        /** How many cases the demo's own user reported. */
        static final int MINE = 6;

        private final Random r;
        private final LocalDate today;
        private final Map<Long, String[]> people = new HashMap<>();
        private Long myUnit;
        private int mine;

        Reporters(long seed, LocalDate today) {
            this.r = new Random(seed * 31 + 17);
            this.today = today;
        }

        /** The person who registered a case at {@code unit} on {@code day}; null: the demo's own user. */
        String pick(Unit unit, LocalDate day) {
            if (myUnit == null) {
                myUnit = unit.id();
            }
            String[] staff = people.computeIfAbsent(unit.id(), id -> {
                int base = people.size() * 4;
                return new String[] {name(base), name(base + 1), name(base + 2), name(base + 3)};
            });
            double x = r.nextDouble();
            if (unit.id().equals(myUnit) && mine < MINE && !day.isBefore(today.minusYears(1)) && x < 0.35) {
                mine++;
                return null;
            }
            return x < 0.35 ? staff[0] : x < 0.65 ? staff[1] : x < 0.9 ? staff[2] : staff[3];
        }

        private static String name(int i) {
            return FIRST[i % FIRST.length] + " " + LAST[(i * 7 + i / FIRST.length) % LAST.length];
        }
    }

    private Reporters reporters;

    public Summary generate(long seed, LocalDate today, DoubleConsumer progress) {
        if (!units.findAll().isEmpty()) {
            throw new IllegalStateException("Databasen innehåller redan data. Demodata skapas bara i en tom databas.");
        }
        Random rnd = new Random(seed);
        reporters = new Reporters(seed, today);
        Map<String, Long> areas = new HashMap<>();
        for (BusinessArea a : units.businessAreas()) {
            areas.put(a.code(), a.id());
        }
        List<LeafUnit> leaves = new ArrayList<>();
        int[] unitCount = {0};
        long[] total = {0};
        // One transaction for everything: a demo that is interrupted leaves no half municipality behind.
        db.txRun(tx -> {
            settings.put(tx, SettingsRepository.DATABASE_KIND, SettingsRepository.KIND_DEMO);
            Unit adm = save(tx, null, "Vård- och omsorgsförvaltningen", OrgLevel.FORVALTNING, null, null, unitCount);
            Unit ht = save(tx, adm, "Avdelning hemtjänst", OrgLevel.AVDELNING, areas.get("HEMTJANST"), null, unitCount);
            Unit sabo = save(tx, adm, "Avdelning särskilt boende", OrgLevel.AVDELNING, areas.get("SABO"), null, unitCount);
            Unit lss = save(tx, adm, "Avdelning funktionsstöd", OrgLevel.AVDELNING, areas.get("LSS"), null, unitCount);
            Unit hsl = save(tx, adm, "Avdelning hälso- och sjukvård", OrgLevel.AVDELNING, areas.get("HSL"), null, unitCount);

            Unit htNorr = save(tx, ht, "Hemtjänst Norr", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(save(tx, htNorr, "Sektion Björkhagen", OrgLevel.SEKTION, null, null, unitCount), "HT"));
            leaves.add(new LeafUnit(save(tx, htNorr, "Sektion Ekbacken", OrgLevel.SEKTION, null, null, unitCount), "HT"));
            Unit htSyd = save(tx, ht, "Hemtjänst Syd", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(save(tx, htSyd, "Sektion Hamnen", OrgLevel.SEKTION, null, null, unitCount), "HT"));
            leaves.add(new LeafUnit(save(tx, htSyd, "Sektion Stensjö", OrgLevel.SEKTION, null, null, unitCount), "HT"));
            Unit htNatt = save(tx, ht, "Nattpatrullen", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(htNatt, "HT"));
            Unit htPriv = save(tx, ht, "Omsorgshuset Hemtjänst AB", OrgLevel.ENHET, null, "Omsorgshuset AB", unitCount);
            leaves.add(new LeafUnit(htPriv, "HT"));

            Unit solbacken = save(tx, sabo, "Solbackens vård- och omsorgsboende", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(save(tx, solbacken, SHIFT_UNIT, OrgLevel.SEKTION, null, null, unitCount), "SABO"));
            leaves.add(new LeafUnit(save(tx, solbacken, "Avdelning Lönnen", OrgLevel.SEKTION, null, null, unitCount), "SABO"));
            leaves.add(new LeafUnit(save(tx, solbacken, "Avdelning Almen (demens)", OrgLevel.SEKTION, null, null, unitCount), "SABO"));
            Unit ekhagen = save(tx, sabo, "Ekhagens äldreboende", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(save(tx, ekhagen, "Våning 1", OrgLevel.SEKTION, null, null, unitCount), "SABO"));
            leaves.add(new LeafUnit(save(tx, ekhagen, "Våning 2", OrgLevel.SEKTION, null, null, unitCount), "SABO"));
            Unit strand = save(tx, sabo, "Strandängens vårdboende", OrgLevel.ENHET, null, "Trygga Händer Omsorg AB", unitCount);
            leaves.add(new LeafUnit(strand, "SABO"));

            Unit bostad = save(tx, lss, "Bostad med särskild service Vallmon", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(bostad, "LSS"));
            Unit gruppb = save(tx, lss, "Gruppbostäder Centrum", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(save(tx, gruppb, "Gruppbostad Lärkan", OrgLevel.SEKTION, null, null, unitCount), "LSS"));
            leaves.add(new LeafUnit(save(tx, gruppb, "Gruppbostad Svalan", OrgLevel.SEKTION, null, null, unitCount), "LSS"));
            Unit daglig = save(tx, lss, "Daglig verksamhet Verkstan", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(daglig, "LSS"));
            Unit pa = save(tx, lss, "Personlig assistans", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(pa, "LSS"));

            Unit sjukv = save(tx, hsl, "Kommunal hemsjukvård", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(save(tx, sjukv, "Sjuksköterskor Norr", OrgLevel.SEKTION, null, null, unitCount), "HSL"));
            leaves.add(new LeafUnit(save(tx, sjukv, "Sjuksköterskor Syd", OrgLevel.SEKTION, null, null, unitCount), "HSL"));
            Unit rehab = save(tx, hsl, "Rehabenheten", OrgLevel.ENHET, null, null, unitCount);
            leaves.add(new LeafUnit(rehab, "HSL"));
            progress.accept(0.05);
            generateDeviations(tx, rnd, leaves, today, progress, total);
        });
        // Self-checks and risk analyses write in their own transactions, after the organisation exists.
        SelfCheckDemoData.generate(selfChecks, seed, today);
        new RiskDemoData(db, risks, deviations, units).generate(seed, today);
        CouncilDemoData.generate(councils, actions, annualCycle, qualityPlans, seed, today);
        new se.kvalitetshjulet.service.demo.KeyFigureDemoData(db, units, settings).generate(seed, today);
        DemoChartDecks.generate(new se.kvalitetshjulet.data.repo.SavedFilterRepository(db), units, taxonomies, selfChecks,
                today, shiftDate(today));
        return new Summary(unitCount[0], total[0]);
    }

    /** When the demo's real change happens: falls at {@value #SHIFT_UNIT} rise from March last year. */
    static LocalDate shiftDate(LocalDate today) {
        return LocalDate.of(today.getYear() - 1, 3, 1);
    }

    private void generateDeviations(DSLContext tx, Random rnd, List<LeafUnit> leaves, LocalDate today,
                                    DoubleConsumer progress, long[] total) {

        Map<String, Long> cat = ids(TaxonomyKind.CATEGORY);
        Map<String, Long> cause = ids(TaxonomyKind.CAUSE);
        Map<String, Long> measure = ids(TaxonomyKind.MEASURE_TYPE);
        var deadlines = taxonomies.deadlines();

        YearMonth first = YearMonth.of(today.getYear() - 3, 1);
        YearMonth last = YearMonth.from(today);
        LocalDate shiftDate = shiftDate(today);
        int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        int done = 0;
        for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
            YearMonth month = ym;
            {
                for (LeafUnit leaf : leaves) {
                    addDenominators(tx, rnd, leaf, month);
                    for (Profile p : profiles(leaf.area())) {
                        double rate = p.rate * season(month.getMonthValue());
                        if (p.kind == DeviationKind.HSL_AVVIKELSE && "Fall".equals(p.category)
                                && leaf.unit().name().equals(SHIFT_UNIT) && !month.atDay(1).isBefore(shiftDate)) {
                            rate *= 2.4;
                        }
                        int n = poisson(rnd, rate);
                        for (int i = 0; i < n; i++) {
                            LocalDate day = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
                            if (day.isAfter(today)) {
                                continue;
                            }
                            createDeviation(tx, rnd, leaf.unit(), p, day, today, cat, cause, measure, deadlines);
                            total[0]++;
                        }
                    }
                }
            }
            progress.accept(0.05 + 0.95 * (++done) / months);
        }
    }

    /**
     * Adds {@code count} synthetic deviations quickly (batched in one transaction) for load
     * tests: spread over the existing units, the default categories and the last three years.
     * About 70 % get one or two stated causes and 40 % an improvement action (due 30–90 days after
     * registration, most of the past-due ones done), so cause Paretos and action backlogs are
     * measured at the same scale as the register. The deviations themselves depend on the seed only.
     */
    public long addBulkDeviations(long seed, long count, LocalDate today, DoubleConsumer progress) {
        List<Unit> all = units.findAll();
        if (all.isEmpty()) {
            throw new IllegalStateException("Skapa organisationen först (kör demo utan --deviations).");
        }
        List<Long> unitIds = all.stream().filter(u -> u.level() != OrgLevel.FORVALTNING).map(Unit::id).toList();
        List<Long> cats = taxonomies.list(TaxonomyKind.CATEGORY).stream().map(Taxonomy::id).toList();
        List<Long> causeIds = taxonomies.list(TaxonomyKind.CAUSE).stream().map(Taxonomy::id).toList();
        List<Long> measureTypeIds = taxonomies.list(TaxonomyKind.MEASURE_TYPE).stream().map(Taxonomy::id)
                .toList();
        Random rnd = new Random(seed);
        Random extra = new Random(seed + 1);
        DeviationKind[] kinds = DeviationKind.values();
        DeviationStatus[] statuses = DeviationStatus.values();
        String[] titles = {"Utebliven insats", "Fall i badrum", "Missad kvällsdos", "Larm besvarades sent",
                "Brister i dokumentation", "Synpunkt på bemötande", "Trycksår upptäckt", "Fel tid för läkemedel"};
        LocalDate start = today.minusYears(3);
        int span = (int) java.time.temporal.ChronoUnit.DAYS.between(start, today);
        final int chunk = 20_000;
        long[] written = {0};
        // one transaction for all of it (as the import): a run that is killed or fails leaves no part of the rows;
        // the rows are built and written 20 000 at a time, so memory stays bounded
        db.txRun(tx -> {
            while (written[0] < count) {
                int n = (int) Math.min(chunk, count - written[0]);
                {
                    List<Deviation> batch = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        DeviationKind k = kinds[rnd.nextInt(kinds.length)];
                        LocalDate reg = start.plusDays(rnd.nextInt(span + 1));
                        DeviationStatus s = reg.isBefore(today.minusMonths(3)) ? DeviationStatus.AVSLUTAD
                                : statuses[rnd.nextInt(statuses.length)];
                        String title = titles[rnd.nextInt(titles.length)];
                        batch.add(new Deviation(null, null, k, k.defaultLaw(), unitIds.get(rnd.nextInt(unitIds.size())),
                                cats.get(rnd.nextInt(cats.size())), s, reg.minusDays(rnd.nextInt(3)), reg, reg,
                                reg.plusDays(k.defaultDeadlineDays()), null, "Undersköterska", title,
                                title + ". Händelsen beskrivs utan namn; se ärendereferens.", null, null, null, List.of(), null,
                                false, null, null, null, null));
                    }
                    long before = deviations.maxId(tx);
                    deviations.insertFast(tx, batch);
                    List<Long> ids = deviations.idsAfter(tx, before);
                    if (ids.size() != batch.size()) {
                        throw new IllegalStateException("Bulk insert wrote " + ids.size() + " rows, expected " + batch.size());
                    }
                    List<long[]> causes = new ArrayList<>();
                    List<Measure> measures = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        long id = ids.get(i);
                        Deviation d = batch.get(i);
                        if (!causeIds.isEmpty() && extra.nextDouble() < 0.7) {
                            long first = causeIds.get(extra.nextInt(causeIds.size()));
                            causes.add(new long[] {id, first});
                            long second = causeIds.get(extra.nextInt(causeIds.size()));
                            if (second != first && extra.nextDouble() < 0.3) {
                                causes.add(new long[] {id, second});
                            }
                        }
                        if (!measureTypeIds.isEmpty() && extra.nextDouble() < 0.4) {
                            LocalDate due = d.registeredOn().plusDays(30 + extra.nextInt(61));
                            LocalDate done = null;
                            if (due.isBefore(today) && extra.nextDouble() < 0.85) {
                                LocalDate when = d.registeredOn().plusDays(5 + extra.nextInt(110));
                                done = when.isAfter(today) ? today : when;
                            }
                            measures.add(new Measure(null, Measure.SOURCE_DEVIATION, id, d.unitId(), "Åtgärd: " + d.title(),
                                    measureTypeIds.get(extra.nextInt(measureTypeIds.size())), "Enhetschef", due, done, null,
                                    null));
                        }
                    }
                    deviations.insertCausesFast(tx, causes);
                    deviations.insertMeasuresFast(tx, measures);
                }
                written[0] += n;
                progress.accept((double) written[0] / count);
            }
            deviations.assignCaseRefs(tx);
        });
        return written[0];
    }

    /** Care recipients and care days per month: the denominators that make rates comparable. */
    private void addDenominators(DSLContext tx, Random rnd, LeafUnit leaf, YearMonth month) {
        int base = switch (leaf.area()) {
            case "HT" -> 70;
            case "SABO" -> 12;
            case "LSS" -> 7;
            default -> 140;
        };
        int recipients = Math.max(1, base + (int) Math.round(rnd.nextGaussian() * base * 0.05));
        Integer careDays = "SABO".equals(leaf.area()) || "LSS".equals(leaf.area())
                ? recipients * month.lengthOfMonth() - rnd.nextInt(Math.max(1, recipients)) : null;
        Integer visits = "HT".equals(leaf.area()) ? recipients * (25 + rnd.nextInt(10)) : null;
        denominators.upsert(tx, leaf.unit().id(), month.getYear(), month.getMonthValue(), recipients, careDays, visits);
    }

    private Map<String, Long> ids(TaxonomyKind kind) {
        Map<String, Long> m = new HashMap<>();
        for (Taxonomy t : taxonomies.list(kind)) {
            m.put(t.name(), t.id());
        }
        return m;
    }

    private Unit save(DSLContext tx, Unit parent, String name, OrgLevel level, Long area, String privateProvider,
                      int[] counter) {
        counter[0]++;
        ProviderKind kind = privateProvider == null ? ProviderKind.KOMMUNAL : ProviderKind.PRIVAT;
        Long parentArea = null;
        return units.save(tx, new Unit(null, parent == null ? null : parent.id(), name, level,
                area != null ? area : parentArea, kind, privateProvider, LocalDate.of(2015, 1, 1), null));
    }

    /** Expected monthly count of one kind/category in one unit of an area. */
    private record Profile(DeviationKind kind, String category, double rate, String title, String role) { }

    private static List<Profile> profiles(String area) {
        return switch (area) {
            case "HT" -> List.of(
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Utebliven insats/besök", 2.2, "Planerat besök uteblev", "Undersköterska"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Dokumentation och handläggning", 0.8, "Insats ej dokumenterad enligt genomförandeplan", "Sektionschef"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Larm ej besvarat i tid", 0.7, "Trygghetslarm besvarades efter mer än 30 minuter", "Larmoperatör"),
                    new Profile(DeviationKind.KLAGOMAL_EXTERN, "Bemötande", 0.5, "Närstående framför klagomål på bemötande", "Närstående"),
                    new Profile(DeviationKind.KLAGOMAL_EXTERN, "Utebliven insats/besök", 0.4, "Brukare klagar på sena besök", "Brukare"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Läkemedel – missad dos", 0.9, "Kvällsdos ej given vid besök", "Undersköterska"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Fall", 0.8, "Brukare hittad på golvet vid besök", "Undersköterska"),
                    new Profile(DeviationKind.KLAGOMAL_PERSONAL, "Bemanning", 0.3, "Personal påtalar för få resurser på kvällspasset", "Undersköterska"),
                    new Profile(DeviationKind.LEX_SARAH, "Utebliven insats/besök", 0.05, "Upprepade uteblivna besök hos samma brukare", "Undersköterska"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Sekretess/informationssäkerhet", 0.08, "Nyckel med kodbricka borttappad", "Sektionschef"));
            case "SABO" -> List.of(
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Fall", 2.5, "Fall i samband med förflyttning", "Undersköterska"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Läkemedel – fel tid", 0.9, "Läkemedel gavs två timmar för sent", "Undersköterska"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Trycksår", 0.35, "Trycksår kategori 2 upptäckt på häl", "Sjuksköterska"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Vårdrelaterad infektion", 0.2, "Urinvägsinfektion efter kateterbyte", "Sjuksköterska"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Nutrition", 0.5, "Viktkontroll ej genomförd enligt plan", "Undersköterska"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Larm ej besvarat i tid", 0.5, "Larm besvarades efter lång tid nattetid", "Undersköterska"),
                    new Profile(DeviationKind.KLAGOMAL_EXTERN, "Brister i vård och omsorg", 0.35, "Närstående anser att personlig hygien brister", "Närstående"),
                    new Profile(DeviationKind.LEX_MARIA, "Fall", 0.04, "Fall med höftfraktur", "Sjuksköterska"),
                    new Profile(DeviationKind.LEX_SARAH, "Bemötande", 0.05, "Kränkande bemötande vid måltid", "Undersköterska"));
            case "LSS" -> List.of(
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Dokumentation och handläggning", 0.9, "Genomförandeplan ej uppdaterad", "Sektionschef"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Samordning", 0.5, "SIP-möte ställdes in utan ny tid", "Boendestödjare"),
                    new Profile(DeviationKind.KLAGOMAL_EXTERN, "Bemötande", 0.35, "God man framför klagomål på bemötande", "God man"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Läkemedel – missad dos", 0.6, "Morgondos ej given", "Stödassistent"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Samtycke", 0.15, "Information lämnades utan samtycke", "Stödassistent"),
                    new Profile(DeviationKind.LEX_SARAH, "Övergrepp", 0.04, "Misstanke om ekonomiskt övergrepp", "Stödassistent"));
            default -> List.of(
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Läkemedel – fel person", 0.15, "Läkemedel delat till fel brukare", "Sjuksköterska"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Medicinteknisk produkt", 0.3, "Lyft fungerade inte vid förflyttning", "Arbetsterapeut"),
                    new Profile(DeviationKind.HSL_AVVIKELSE, "Informationsöverföring", 0.8, "Ofullständig information vid utskrivning från sjukhus", "Sjuksköterska"),
                    new Profile(DeviationKind.KVALITETSAVVIKELSE, "Dokumentation och handläggning", 0.5, "Journalanteckning saknas efter hembesök", "Fysioterapeut"),
                    new Profile(DeviationKind.LEX_MARIA, "Läkemedel – fel person", 0.03, "Allvarlig läkemedelshändelse", "Sjuksköterska"));
        };
    }

    private static double season(int month) {
        return switch (month) {
            case 6, 7, 8 -> 1.3;
            case 12 -> 1.1;
            case 2, 4 -> 0.95;
            default -> 1.0;
        };
    }

    private static int poisson(Random rnd, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1.0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /**
     * The day an investigated demo case was assessed: one to four weeks after registration, never after it was closed
     * or after today; a case notified to IVO was mostly assessed first (notified after the investigation), some were
     * notified before it was finished. Drawn from its own generator, so the rest of the demo stays as it was.
     */
    private static LocalDate demoAssessedOn(Deviation d, LocalDate today) {
        Random r = new Random(d.id() * 7919L + d.registeredOn().toEpochDay());
        LocalDate on;
        if (d.ivoReportedOn() != null && r.nextDouble() < 0.6) {
            long span = java.time.temporal.ChronoUnit.DAYS.between(d.registeredOn(), d.ivoReportedOn());
            on = d.registeredOn().plusDays(span <= 0 ? 0 : 1 + r.nextInt((int) span));
        } else {
            on = (d.ivoReportedOn() != null ? d.ivoReportedOn() : d.registeredOn()).plusDays(7 + r.nextInt(22));
        }
        if (d.closedOn() != null && on.isAfter(d.closedOn())) {
            on = d.closedOn();
        }
        return on.isAfter(today) ? today : on;
    }

    private void createDeviation(DSLContext tx, Random rnd, Unit unit, Profile p, LocalDate day, LocalDate today,
                                 Map<String, Long> cat, Map<String, Long> cause, Map<String, Long> measure,
                                 se.kvalitetshjulet.domain.deviation.DeadlineRules deadlines) {
        long age = java.time.temporal.ChronoUnit.DAYS.between(day, today);
        DeviationStatus status;
        double r = rnd.nextDouble();
        if (age > 365) {
            // A year on, nearly everything is closed; the odd forgotten investigation is what the overdue list is for.
            status = r < 0.997 ? DeviationStatus.AVSLUTAD : DeviationStatus.UTREDNING;
        } else if (age > 90) {
            status = r < 0.95 ? DeviationStatus.AVSLUTAD : r < 0.985 ? DeviationStatus.ATGARDAD : DeviationStatus.UTREDNING;
        } else if (age > 30) {
            status = r < 0.45 ? DeviationStatus.AVSLUTAD : r < 0.75 ? DeviationStatus.ATGARDAD
                    : r < 0.92 ? DeviationStatus.BEDOMD : DeviationStatus.UTREDNING;
        } else if (age > 10) {
            status = r < 0.2 ? DeviationStatus.ATGARDAD : r < 0.5 ? DeviationStatus.BEDOMD : DeviationStatus.UTREDNING;
        } else {
            status = r < 0.6 ? DeviationStatus.REGISTRERAD : DeviationStatus.UTREDNING;
        }
        boolean investigated = status.ordinal() >= DeviationStatus.BEDOMD.ordinal();
        Assessment assessment = null;
        boolean serious = false;
        LocalDate ivoOn = null;
        String ivoRef = null;
        if (investigated) {
            List<Assessment> options = p.kind.assessments();
            assessment = options.get(rnd.nextInt(options.size()));
            if (p.kind == DeviationKind.LEX_SARAH && assessment == Assessment.MISSFORHALLANDE && rnd.nextDouble() < 0.5) {
                serious = true;
            }
            if (p.kind == DeviationKind.LEX_MARIA && assessment == Assessment.ALLVARLIG_VARDSKADA) {
                serious = true;
            }
            if (serious) {
                ivoOn = day.plusDays(5 + rnd.nextInt(10));
                if (ivoOn.isAfter(today)) {
                    ivoOn = today;
                }
                ivoRef = "IVO 3.5.1-%05d/%d".formatted(10000 + rnd.nextInt(89999), ivoOn.getYear());
            }
        }
        List<Long> causes = new ArrayList<>();
        List<String> causeNames = new ArrayList<>(cause.keySet());
        causeNames.sort(String::compareTo);
        if (investigated) {
            causes.add(cause.get(causeNames.get(rnd.nextInt(causeNames.size()))));
            if (rnd.nextBoolean()) {
                Long second = cause.get(causeNames.get(rnd.nextInt(causeNames.size())));
                if (!causes.contains(second)) {
                    causes.add(second);
                }
            }
        }
        Law law = p.kind.allowedLaws().get(rnd.nextInt(p.kind.allowedLaws().size()));
        if ("LSS".equals(areaOf(p)) && law == Law.SOL) {
            law = Law.LSS;
        }
        Deviation d = new Deviation(null, null, p.kind, law, unit.id(), cat.get(p.category), status,
                day.minusDays(rnd.nextInt(3)), day, day, deadlines.dueOn(p.kind, day),
                status == DeviationStatus.AVSLUTAD ? day.plusDays(20 + rnd.nextInt(60)).isAfter(today) ? today
                        : day.plusDays(20 + rnd.nextInt(60)) : null,
                p.role, p.title, p.title + ". Händelsen beskrivs utan namn; den berörda personen anges med ärendereferens.",
                "Kontaktade ansvarig sjuksköterska och dokumenterade i journalen.",
                investigated ? "Utredningen har gått igenom dokumentation och samtalat med berörd personal." : "",
                investigated ? "Rutinen var inte känd av all personal på passet." : "", causes, assessment, serious, ivoOn,
                ivoRef, null, null, ivoOn == null ? null : demoIvoDetails(p.kind, ivoOn, today));
        Deviation saved = deviations.insertRegisteredBy(tx, d, reporters.pick(unit, day));
        if (investigated) {
            assessedDates.markAssessed(tx, saved.id(), demoAssessedOn(saved, today));
        }
        if (status.ordinal() >= DeviationStatus.ATGARDAD.ordinal()) {
            List<String> types = new ArrayList<>(measure.keySet());
            types.sort(String::compareTo);
            String type = types.get(rnd.nextInt(types.size()));
            boolean done = status == DeviationStatus.AVSLUTAD || rnd.nextDouble() < 0.7;
            LocalDate due = day.plusDays(30);
            LocalDate doneOn = done ? (day.plusDays(25).isAfter(today) ? today : day.plusDays(25)) : null;
            deviations.saveMeasure(tx, new Measure(null, Measure.SOURCE_DEVIATION, saved.id(), unit.id(),
                    type + ": " + p.title.toLowerCase(java.util.Locale.ROOT), measure.get(type), "Enhetschef", due, doneOn,
                    status == DeviationStatus.AVSLUTAD ? "Följt upp på kvalitetsrådet; inga nya händelser av samma slag." : null,
                    status == DeviationStatus.AVSLUTAD ? Boolean.TRUE : null));
        }
    }

    private static String areaOf(Profile p) {
        return p.role.equals("Stödassistent") || p.role.equals("Boendestödjare") || p.role.equals("God man") ? "LSS" : "";
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }

    /** Who notified IVO in the demo (SAS for lex Sarah, MAS for lex Maria) and, after a while, IVO's decision. */
    private static se.kvalitetshjulet.domain.deviation.IvoDetails demoIvoDetails(DeviationKind kind, LocalDate ivoOn,
                                                                                 LocalDate today) {
        var role = kind == DeviationKind.LEX_MARIA ? se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.MAS
                : se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.SAS;
        LocalDate decided = ivoOn.plusDays(60);
        return decided.isAfter(today)
                ? new se.kvalitetshjulet.domain.deviation.IvoDetails(role, role.name(), "", null)
                : new se.kvalitetshjulet.domain.deviation.IvoDetails(role, role.name(),
                        "IVO avslutar ärendet: vårdgivaren har utrett händelsen och vidtagit åtgärder.", decided);
    }
}

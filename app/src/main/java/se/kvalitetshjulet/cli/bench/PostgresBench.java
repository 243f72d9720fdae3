package se.kvalitetshjulet.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.cli.ExitCodes;
import se.kvalitetshjulet.cli.bench.BenchCommand.ChartQueries;
import se.kvalitetshjulet.cli.bench.BenchCommand.Figure;
import se.kvalitetshjulet.data.BenchServerDatabase;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.PgPassword;
import se.kvalitetshjulet.data.PostgresServer;
import se.kvalitetshjulet.data.ReferenceDialect;
import se.kvalitetshjulet.data.ServerUrl;
import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.trend.Pareto;

/**
 * {@code bench --db postgresql://USER@HOST:PORT/DBNAME}: the app on a server database beside {@code psql} running the
 * same SQL against the same server (issue 15, decision 0036). The named database must be one {@code server init}
 * prepared; the bench never writes into it, but into a database of its own beside it
 * ({@link BenchServerDatabase}), filled by COPY from the same deterministic datasets as the SQLite bench (10 000,
 * 100 000 and N deviations) and dropped afterwards. Every figure the SQLite bench has for queries and charts is
 * measured through the app's repositories and, rendered by jOOQ for PostgreSQL with values inlined, by psql's
 * {@code \timing}; the counts of both are compared.
 */
final class PostgresBench {
    /** Repetitions when a median is under a millisecond, so that it means something (issue 22). */
    static final int SUB_MS_REPEATS = 50;
    static final String GOAL = "≤ " + BenchCommand.QUERY_GOAL + "× psql";
    static final String PSQL_MISSING = "psql saknas";

    private final BenchCommand cmd;
    private final List<Figure> figures;
    private Optional<PsqlCli> psql;
    private ServerUrl benchUrl;
    private String password;
    private String measuredAs;

    PostgresBench(BenchCommand cmd) {
        this.cmd = cmd;
        this.figures = cmd.figures();
    }

    int run(ServerUrl url, PrintWriter o) throws IOException {
        psql = cmd.psql != null ? PsqlCli.at(cmd.psql) : PsqlCli.find();
        // The named database must be a current Kvalitetshjulet server database (else refused: exit 3); only read.
        password = PgPassword.find(url).orElse(null);
        String serverVersion;
        try (Database named = PostgresServer.open(url, PostgresServer.Mode.USE, password)) {
            serverVersion = BenchServerDatabase.serverVersion(named);
            if (cmd.asLogin != null) {
                BenchServerDatabase.requireKvalitetsutvecklare(named, cmd.asLogin);
            }
        }
        o.printf("Kvalitetshjulet bench mot PostgreSQL %s på %s: rows=%d, repeats=%d, %s%n", serverVersion, url, cmd.rows,
                cmd.repeats, psql.map(p -> "psql " + p.version()).orElse(PSQL_MISSING
                        + ": appens tider mäts men ingen figur bedöms (apt-get install postgresql-client, eller --psql FIL)"));
        o.printf("bench skriver aldrig i %s: mätdatan läggs i en egen databas bredvid, %s, som tas bort efteråt.%n",
                url.database(), BenchServerDatabase.benchUrl(url).database());
        Path dir = cmd.workDir != null ? Files.createDirectories(cmd.workDir) : Files.createTempDirectory("kh-bench-pg");
        List<Long> sizes = new ArrayList<>();
        for (long s : new long[] {10_000, 100_000}) {
            if (s < cmd.rows) {
                sizes.add(s);
            }
        }
        sizes.add(cmd.rows);
        for (long size : sizes) {
            measureSize(url, dir, size, o);
        }
        cmd.printTable(o);
        o.println("Referensen är psql på samma server och databas, samma SQL (jOOQ, PostgreSQL, värden inskrivna), tidtagen "
                + "med \\timing; appen och psql loggade in som " + measuredAs + ".");
        if (cmd.out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("engine", "postgresql");
            json.put("server", url.toString());
            json.put("serverVersion", serverVersion);
            json.put("benchDatabase", BenchServerDatabase.benchUrl(url).database());
            json.put("measuredAs", measuredAs);
            json.put("rows", cmd.rows);
            json.put("repeats", cmd.repeats);
            json.put("psql", psql.map(PsqlCli::version).orElse(null));
            json.put("java", System.getProperty("java.version"));
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("figures", figures);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(cmd.out.toFile(), json);
            o.printf("%nJSON: %s%n", cmd.out);
        }
        return ExitCodes.OK;
    }

    private void measureSize(ServerUrl url, Path dir, long size, PrintWriter o) throws IOException {
        // the bench's own database first: a name taken by someone else's database is refused before any work
        benchUrl = BenchServerDatabase.create(url, password);
        Path file = dir.resolve("bench-pg-" + size + ".db");
        String benchPassword = PgPassword.find(benchUrl).orElse(password);
        try {
            Files.deleteIfExists(file);
            o.printf("%nBygger %,d avvikelser i %s (som SQLite-mätningen) …%n", size, file);
            o.flush();
            try (AppContext ctx = new AppContext(Database.open(file), Clock.systemDefaultZone())) {
                LocalDate today = ctx.today();
                var demo = ctx.demoData().generate(42, today, p -> { });
                if (size > demo.deviations()) {
                    ctx.demoData().addBulkDeviations(7, size - demo.deviations(), today, p -> { });
                }
            }
            long t0 = System.nanoTime();
            PostgresServer.open(benchUrl, PostgresServer.Mode.INIT, benchPassword).close();
            o.printf("  Mätdatabasen %s upplagd med server init:s migreringar på %.1f s%n", benchUrl.database(),
                    (System.nanoTime() - t0) / 1e9);
            try (Database fileDb = Database.open(file);
                 AppContext owner = new AppContext(PostgresServer.open(benchUrl, PostgresServer.Mode.USE, benchPassword),
                         Clock.systemDefaultZone())) {
                t0 = System.nanoTime();
                var loaded = BenchServerDatabase.load(fileDb, owner.database());
                o.printf("  %,d rader i %d tabeller kopierade med COPY på %.1f s (otidtaget i tabellen; antal och "
                                + "ändringslogg kontrollerade)%n", loaded.stream().mapToLong(BenchServerDatabase.Loaded::onServer).sum(),
                        loaded.size(), (System.nanoTime() - t0) / 1e9);
                ServerUrl owned = benchUrl;
                String savedPassword = password;
                try {
                    if (cmd.asLogin == null) {
                        password = benchPassword;
                        measure(owner, o);
                    } else {
                        BenchServerDatabase.grantKvalitetsutvecklare(owner.database(), cmd.asLogin,
                                owner.organisation().tree().roots().stream().map(se.kvalitetshjulet.domain.org.Unit::id).toList());
                        benchUrl = new ServerUrl(cmd.asLogin, owned.host(), owned.port(), owned.database(), owned.params());
                        // a ~/.pgpass line may name the förvaltning's database rather than the bench's
                        password = PgPassword.find(benchUrl).or(() -> PgPassword.find(new ServerUrl(cmd.asLogin, url.host(),
                                url.port(), url.database(), url.params()))).orElse(null);
                        try (AppContext as = new AppContext(PostgresServer.open(benchUrl, PostgresServer.Mode.USE, password),
                                Clock.systemDefaultZone())) {
                            measure(as, o);
                        }
                    }
                } finally {
                    password = savedPassword;
                    benchUrl = owned;
                }
            }
        } finally {
            BenchServerDatabase.drop(url, password);
            Files.deleteIfExists(file);
        }
    }

    private void measure(AppContext ctx, PrintWriter o) throws IOException {
        measuredAs = BenchServerDatabase.describeLogin(ctx.database());
        o.println("  Mäter som " + measuredAs);
        o.flush();
        measureQueries(ctx, ctx.deviations().count(DeviationFilter.all(), ctx.today()), ctx.today(), o);
    }

    /** The same figures as {@code BenchCommand.measureQueries}, {@code measureCharts} and {@code measureOtherAggregates}. */
    private void measureQueries(AppContext ctx, long n, LocalDate today, PrintWriter o) throws IOException {
        var repo = ctx.deviations();
        ChartRepository charts = new ChartRepository(ctx.database());
        ReferenceDialect pg = ReferenceDialect.POSTGRES;
        Set<Long> scope = BenchCommand.subtree(ctx);
        DeviationFilter typical = new DeviationFilter(EnumSet.of(DeviationKind.HSL_AVVIKELSE), Set.of(), scope, null,
                today.minusYears(1), today, false, null);
        DeviationFilter text = DeviationFilter.all().withText("fall");
        DeviationFilter threeYears = DeviationFilter.all().withPeriod(today.minusYears(3).withDayOfMonth(1), today);
        for (var register : List.of(new Object[] {"Registerfråga: enhet+underenheter, typ, datum, sortering, första sidan",
                typical}, new Object[] {"Registerfråga: fritextsökning, första sidan", text})) {
            DeviationFilter f = (DeviationFilter) register[1];
            List<String> sql = repo.searchSql(f, DeviationSort.REGISTERED_ON, false, 0, 100, today);
            // what it counted: the total, checked by psql running the filter's count (the search may read its first
            // page before the count and leave the count out when the page says it all, decision 0044); the search's
            // own statements are what is timed
            compare((String) register[0], n, () -> repo.search(f, DeviationSort.REGISTERED_ON, false, 0, 100, today).total(),
                    sql, List.of(repo.countSql(f, today, pg)), o);
        }
        compare("Trend: antal per kategori och månad, tre år", n, () -> repo.monthlyCountsByCategory(threeYears, today)
                        .stream().mapToLong(DeviationRepository.CategoryMonth::count).sum(),
                List.of(repo.monthlyCountsByCategorySql(threeYears, today, pg)), null, o);
        LocalDate tertialFrom = today.minusYears(3).withDayOfYear(1);
        compare("Tertialtabell: antal per enhet, typ och månad, tre år", n, () -> repo.monthlyCounts(tertialFrom, today)
                        .stream().mapToLong(DeviationRepository.MonthlyCount::count).sum(),
                List.of(repo.monthlyCountsSql(tertialFrom, today, pg)), null, o);
        DeviationFilter overdue = DeviationFilter.all().withOverdueOnly(true);
        DeviationFilter serious = new DeviationFilter(EnumSet.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA),
                EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING, DeviationStatus.BEDOMD,
                        DeviationStatus.ATGARDAD), null, null, null, null, false, null);
        DeviationFilter recent = DeviationFilter.all().withPeriod(today.minusDays(30), today);
        List<String> home = new ArrayList<>();
        for (DeviationFilter f : List.of(overdue, serious, recent)) {
            home.add(repo.countSql(f, today, pg));
        }
        home.add(repo.countOverdueActionsSql(today, pg));
        compare(BenchCommand.HOME_COUNTS, n, () -> repo.count(overdue, today) + repo.count(serious, today)
                + repo.count(recent, today) + repo.countOverdueActions(today), home, null, o);

        ChartQueries q = ChartQueries.of(today, scope);
        compare(BenchCommand.PARETO_CATEGORIES_ALL, n, () -> sum(charts.paretoCategories(q.months36(), today)),
                List.of(charts.paretoCategoriesSql(q.months36(), today, pg)), null, o);
        compare(BenchCommand.PARETO_CATEGORIES_SUBTREE, n, () -> sum(charts.paretoCategories(q.months36InSubtree(), today)),
                List.of(charts.paretoCategoriesSql(q.months36InSubtree(), today, pg)), null, o);
        compare(BenchCommand.PARETO_CAUSES, n, () -> sum(charts.paretoCauses(q.months36(), today)),
                List.of(charts.paretoCausesSql(q.months36(), today, pg)), null, o);
        compare(BenchCommand.ACTION_BACKLOG, n,
                () -> charts.actionMonths(null).stream().mapToLong(ChartRepository.ActionMonths::count).sum(),
                List.of(charts.actionMonthsSql(null, pg)), null, o);
        compare(BenchCommand.PARETO_MEASURES, n, () -> sum(charts.paretoMeasureTypes(q.months36(), today)),
                List.of(charts.paretoMeasureTypesSql(q.months36(), today, pg)), null, o);

        LocalDate from = today.minusYears(3);
        Optional<Long> template = charts.riskAnalysesPerTemplate(null, from, today).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        if (template.isPresent()) {
            long t = template.get();
            compare(BenchCommand.RISK_CELLS, n, () -> charts.riskCells(t, null, from, today).stream()
                            .mapToLong(se.kvalitetshjulet.domain.risk.MatrixCounts.Cell::count).sum(),
                    charts.riskCellsSql(t, null, from, today, pg), null, o);
        } else {
            o.println("  " + BenchCommand.RISK_CELLS + ": inga riskanalyser att räkna, ej mätt");
        }
        Optional<Long> family = charts.templateFamilies().stream()
                .map(se.kvalitetshjulet.domain.selfcheck.TemplateFamily::familyId)
                .filter(f -> !charts.compliance(f, null).isEmpty()).findFirst();
        if (family.isPresent()) {
            long f = family.get();
            compare(BenchCommand.COMPLIANCE, n, () -> charts.compliance(f, null).stream()
                            .mapToLong(ChartRepository.RoundCompliance::findings).sum(),
                    List.of(charts.complianceSql(f, null, pg)), null, o);
        } else {
            o.println("  " + BenchCommand.COMPLIANCE + ": inga inlämnade egenkontroller att räkna, ej mätt");
        }
        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        List<DeviationFilter> signals = new ArrayList<>(List.of(DeviationFilter.all().withUnits(scope)
                .withPeriod(to.withDayOfMonth(1).minusMonths(23), to)));
        for (DeviationKind k : DeviationKind.values()) {
            signals.add(signals.getFirst().withKinds(EnumSet.of(k)));
        }
        compare(BenchCommand.UNIT_SIGNALS, n, () -> signals.stream().mapToLong(f -> repo.monthlyTotals(f, today).stream()
                        .mapToLong(DeviationRepository.MonthTotal::count).sum()).sum(),
                signals.stream().map(f -> repo.monthlyTotalsSql(f, today, pg)).toList(), null, o);

        // the free-text counts: PostgreSQL's ILIKE folds å/ä/ö itself, so psql runs exactly the app's SQL here
        compare(BenchCommand.SEARCH_ASCII, n, () -> repo.count(q.asciiText(), today),
                List.of(repo.countSql(q.asciiText(), today, pg)), null, o);
        compare(BenchCommand.SEARCH_UNICODE, n, () -> repo.count(q.unicodeText(), today),
                List.of(repo.countSql(q.unicodeText(), today, pg)), null, o);
    }

    private static long sum(List<Pareto.Count> counts) {
        return counts.stream().mapToLong(Pareto.Count::count).sum();
    }

    /**
     * Times {@code ours} (which returns what it counted) against psql running {@code sql} on the same server, after
     * one warm-up each; psql's count of {@code countSql} (null: all of {@code sql}) is compared with ours, and a
     * figure whose counts differ is not met. Medians under a millisecond are measured again with
     * {@value #SUB_MS_REPEATS} repetitions on both sides.
     */
    private void compare(String name, long n, LongSupplier ours, List<String> sql, List<String> countSql, PrintWriter o)
            throws IOException {
        long count = ours.getAsLong();
        Stats s = timeApp(ours, cmd.repeats);
        if (psql.isEmpty()) {
            figures.add(new Figure(name, n, "s", s.median(), Double.NaN, Double.NaN, GOAL, null,
                    "appen " + s.ms() + "; " + PSQL_MISSING + ": ej bedömd", count, null, null, null));
        } else {
            PsqlCli p = psql.get();
            long refCount = p.counted(benchUrl, password, countSql == null ? sql : countSql);
            Stats ref = Stats.of(p.time(benchUrl, password, sql, cmd.repeats));
            String repeated = "";
            if (ref.median() < 0.001 || s.median() < 0.001) {
                int k = Math.max(cmd.repeats, SUB_MS_REPEATS);
                s = timeApp(ours, k);
                ref = Stats.of(p.time(benchUrl, password, sql, k));
                repeated = "; under 1 ms: mätt om med %d upprepningar".formatted(k);
            }
            // psql's \timing has microsecond resolution; below that the ratio would mean nothing
            double ratio = s.median() / Math.max(ref.median(), 0.000001);
            boolean sameCount = refCount == count;
            String detail = "appen " + s.ms() + ", psql " + ref.ms() + "; antal: appen %,d, psql %,d".formatted(count, refCount)
                    + (sameCount ? "" : " – OBS: olika antal, ej uppfyllt") + repeated;
            figures.add(new Figure(name, n, "s", s.median(), ref.median(), ratio, GOAL, sameCount && ratio <= BenchCommand.QUERY_GOAL,
                    detail, count, refCount, null, null));
        }
        o.printf("  %-70s %s%n", figures.getLast().name(), figures.getLast().detail());
        o.flush();
    }

    private static Stats timeApp(LongSupplier ours, int repeats) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            ours.getAsLong();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        return Stats.of(times);
    }
}

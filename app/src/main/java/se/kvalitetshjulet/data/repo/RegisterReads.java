package se.kvalitetshjulet.data.repo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;

/**
 * The statements of one register search ({@link DeviationRepository#search}), read one of two ways (decision 0044).
 * {@link Jooq}: each statement built, rendered and fetched by jOOQ (PostgreSQL, where row-level security and the
 * server's round trips decide; and any search whose free text cannot use the FTS5 index). {@link Jdbc}: on a SQLite
 * file, the same SQL text, rendered by jOOQ once per shape of the statement (which filters are set, how many values
 * each list has, the plan, the sort) and kept, executed on one pooled connection per search through prepared statements
 * kept per connection, the values bound and the rows read straight from the {@link ResultSet}. The values are computed
 * here in the order jOOQ binds them; the first time a shape is seen they are compared with jOOQ's own
 * ({@code getBindValues()}), and a shape where they differ is never trusted again (jOOQ's values are used), so a change
 * to the conditions that this class does not follow costs speed, never a wrong answer.
 */
final class RegisterReads {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterReads.class);

    private RegisterReads() {
    }

    /** What a search reads; the algorithm (count, plan, page) is {@link DeviationRepository}'s. */
    interface Reads {
        /** True on a SQLite file (the plan of the page may be chosen, decision 0041). */
        boolean sqlite();

        /** Whether some deviation is registered in [a, b] (the roll-up split's probe). */
        boolean registeredBetween(LocalDate a, LocalDate b);

        /** The roll-up's sum over the split's whole months; null when no row. */
        Long monthsSum(Rollups.Level level, DeviationFilter f, Rollups.Split split);

        /** The deviations of the split's partial months, counted in the table. */
        long edgesCount(DeviationFilter f, Rollups.Split split, LocalDate today);

        /** The filter's count from the FTS5 index alone or the table ({@code DeviationRepository.countQuery}). */
        long count(DeviationFilter f, LocalDate today);

        /** The IVO notification rule's days, null when not set. */
        Long ivoRuleDays();

        /** The highest deviation id, null in an empty register. */
        Long maxId();

        List<DeviationRow> page(DeviationFilter f, DeviationSort sort, boolean ascending, int pageIndex, int pageSize,
                                LocalDate today, LocalDate ivoLateBefore, DeviationRepository.PagePlan plan);
    }

    /** Whether {@link Jdbc} reads this filter: every filter but a free text the FTS5 index cannot answer. */
    static boolean jdbcReads(DeviationFilter f) {
        return f.text() == null || f.text().isBlank() || TextSearch.usesIndex(f.text().strip());
    }

    // ---- jOOQ ------------------------------------------------------------------------------------------------

    /** Every statement through jOOQ on {@code ctx} (its listeners see them, {@code searchSql} records them). */
    record Jooq(DSLContext ctx) implements Reads {
        @Override
        public boolean sqlite() {
            return ctx.family() == org.jooq.SQLDialect.SQLITE;
        }

        @Override
        public boolean registeredBetween(LocalDate a, LocalDate b) {
            return Boolean.TRUE.equals(Rollups.registeredBetween(ctx, a, b).fetchOne(0, Boolean.class));
        }

        @Override
        public Long monthsSum(Rollups.Level level, DeviationFilter f, Rollups.Split split) {
            return DeviationRepository.monthsQuery(ctx, level, f, split).fetchOne(0, Long.class);
        }

        @Override
        public long edgesCount(DeviationFilter f, Rollups.Split split, LocalDate today) {
            return DeviationRepository.edgesQuery(ctx, f, split, today).fetchOne(0, Long.class);
        }

        @Override
        public long count(DeviationFilter f, LocalDate today) {
            return DeviationRepository.countQuery(ctx, f, today).fetchOne(0, Long.class);
        }

        @Override
        public Long ivoRuleDays() {
            return DeviationRepository.ivoRuleQuery(ctx).fetchOptional(0, Long.class).orElse(null);
        }

        @Override
        public Long maxId() {
            return DeviationRepository.maxIdQuery(ctx).fetchOne(0, Long.class);
        }

        @Override
        public List<DeviationRow> page(DeviationFilter f, DeviationSort sort, boolean ascending, int pageIndex,
                                       int pageSize, LocalDate today, LocalDate ivoLateBefore,
                                       DeviationRepository.PagePlan plan) {
            return DeviationRepository.pageQuery(ctx, f, sort, ascending, pageIndex, pageSize, today, ivoLateBefore, plan)
                    .fetch(r -> new DeviationRow(r.value1(), r.value2(), DeviationKind.valueOf(r.value3()),
                            DeviationStatus.valueOf(r.value4()), r.value5(), r.value6(), r.value7(), r.value8(),
                            r.value9(), r.value10(), Boolean.TRUE.equals(r.value11()), Boolean.TRUE.equals(r.value12())));
        }
    }

    // ---- plain JDBC on a SQLite file ----------------------------------------------------------------------------

    /** The SQL text of one statement shape, and whether the values computed here are known to be jOOQ's. */
    private record Template(String sql, boolean valuesChecked) { }

    /** Kept per database (one per repository): the templates, and the prepared statements of each connection. */
    static final class Cache {
        /** Shapes are few in use (a filter's lists vary in length, little else); past this, rendered each time. */
        static final int MAX_TEMPLATES = 2_000;
        /** Prepared statements kept per connection, the least recently used closed beyond this. */
        static final int MAX_STATEMENTS = 64;

        private final Map<List<Object>, Template> templates = new ConcurrentHashMap<>();
        /** Keyed by the driver's own connection (Hikari's proxy would close them when the connection goes back). */
        private final Map<Connection, Map<String, PreparedStatement>> statements = new WeakHashMap<>();
        /** Shapes whose values differed from jOOQ's (0 unless this class missed a change of the conditions). */
        private final AtomicLong mismatches = new AtomicLong();

        long mismatches() {
            return mismatches.get();
        }

        private PreparedStatement prepared(Connection physical, String sql) throws SQLException {
            Map<String, PreparedStatement> mine;
            synchronized (statements) {
                mine = statements.get(physical);
                if (mine == null) {
                    // a new connection of the pool: forget those it closed (their statements went with them)
                    statements.keySet().removeIf(RegisterReads::closed);
                    mine = new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                            if (size() <= MAX_STATEMENTS) {
                                return false;
                            }
                            close(eldest.getValue());
                            return true;
                        }
                    };
                    statements.put(physical, mine);
                }
            }
            // only the thread that holds the connection gets here with it
            PreparedStatement ps = mine.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = physical.prepareStatement(sql);
                mine.put(sql, ps);
            }
            return ps;
        }

        /** Runs {@code work} on one connection of the pool, its statements as plain JDBC. */
        <T> T withConnection(DSLContext dsl, Consumer<String> recorder, Function<Reads, T> work) {
            return dsl.connectionResult(c -> {
                Connection physical = c.isWrapperFor(org.sqlite.SQLiteConnection.class)
                        ? c.unwrap(org.sqlite.SQLiteConnection.class) : c;
                return work.apply(new Jdbc(this, dsl, physical, recorder));
            });
        }
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            LOG.debug("closing a kept statement", e);
        }
    }

    /** Reads a result set; the statement is reset when it is closed, right after. */
    private interface RowsReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * The statements of one search on one connection, as plain JDBC. {@code recorder} (null: none) gets each statement
     * as executed, its values inlined as jOOQ inlines them: what {@code searchSql} hands the benchmark's reference.
     */
    private record Jdbc(Cache cache, DSLContext dsl, Connection connection, Consumer<String> recorder) implements Reads {
        @Override
        public boolean sqlite() {
            return true;
        }

        @Override
        public boolean registeredBetween(LocalDate a, LocalDate b) {
            return run(List.of("probe"), List.of(a, b), () -> Rollups.registeredBetween(dsl, a, b),
                    rs -> rs.next() && rs.getInt(1) != 0);
        }

        @Override
        public Long monthsSum(Rollups.Level level, DeviationFilter f, Rollups.Split split) {
            List<Object> shape = new ArrayList<>(List.of("months", level.table().getName(), split.months(),
                    split.fromYm() != null, split.toYm() != null));
            List<Object> values = new ArrayList<>();
            if (split.months()) {
                if (split.fromYm() != null) {
                    values.add(split.fromYm());
                }
                if (split.toYm() != null) {
                    values.add(split.toYm());
                }
                dimensions(f, shape, values);
            }
            return run(shape, values, () -> DeviationRepository.monthsQuery(dsl, level, f, split), RegisterReads::firstLong);
        }

        @Override
        public long edgesCount(DeviationFilter f, Rollups.Split split, LocalDate today) {
            List<Object> shape = new ArrayList<>(List.of("edges", split.edges().size()));
            List<Object> values = new ArrayList<>();
            condition(f.withPeriod(null, null), today, shape, values);
            for (LocalDate[] e : split.edges()) {
                values.add(e[0]);
                values.add(e[1]);
            }
            Long n = run(shape, values, () -> DeviationRepository.edgesQuery(dsl, f, split, today), RegisterReads::firstLong);
            return n == null ? 0 : n;
        }

        @Override
        public long count(DeviationFilter f, LocalDate today) {
            List<Object> shape = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (TextSearch.indexOnly(f)) {
                shape.add("text count");
                values.add(TextSearch.phrase(f.text().strip()));
            } else {
                shape.add("count");
                condition(f, today, shape, values);
            }
            Long n = run(shape, values, () -> DeviationRepository.countQuery(dsl, f, today), RegisterReads::firstLong);
            return n == null ? 0 : n;
        }

        @Override
        public Long ivoRuleDays() {
            return run(List.of("ivo rule"), List.of(se.kvalitetshjulet.domain.deviation.DeadlineRules.IVO_NOTIFICATION_RULE),
                    () -> DeviationRepository.ivoRuleQuery(dsl), RegisterReads::firstLong);
        }

        @Override
        public Long maxId() {
            return run(List.of("max id"), List.of(), () -> DeviationRepository.maxIdQuery(dsl), RegisterReads::firstLong);
        }

        @Override
        public List<DeviationRow> page(DeviationFilter f, DeviationSort sort, boolean ascending, int pageIndex,
                                       int pageSize, LocalDate today, LocalDate ivoLateBefore,
                                       DeviationRepository.PagePlan plan) {
            List<Object> shape = new ArrayList<>(List.of("page", plan, sort, ascending));
            List<Object> values = new ArrayList<>();
            overdue(today, values);
            ivoLate(ivoLateBefore, values);
            condition(f, today, shape, values);
            values.add(pageSize);
            values.add((long) pageIndex * pageSize);
            return run(shape, values, () -> DeviationRepository.pageQuery(dsl, f, sort, ascending, pageIndex, pageSize,
                    today, ivoLateBefore, plan), rs -> {
                        List<DeviationRow> rows = new ArrayList<>(pageSize);
                        while (rs.next()) {
                            rows.add(new DeviationRow(rs.getLong(1), rs.getString(2), DeviationKind.valueOf(rs.getString(3)),
                                    DeviationStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
                                    rs.getString(7), date(rs.getString(8)), date(rs.getString(9)), rs.getString(10),
                                    rs.getInt(11) != 0, rs.getInt(12) != 0));
                        }
                        return rows;
                    });
        }

        private <T> T run(List<Object> shape, List<Object> values, Supplier<? extends ResultQuery<?>> jooq,
                          RowsReader<T> reader) {
            Template t = cache.templates.get(shape);
            String sql;
            List<Object> bound = values;
            if (t != null && t.valuesChecked()) {
                sql = t.sql();
            } else {
                ResultQuery<?> q = jooq.get();
                sql = q.getSQL();
                List<Object> theirs = q.getBindValues();
                if (t == null) {
                    boolean same = sameValues(theirs, values);
                    if (!same) {
                        cache.mismatches.incrementAndGet();
                        LOG.warn("Registrets sökning: värdena för {} skiljer sig från jOOQ:s ({} mot {}); den formen "
                                + "läses med jOOQ:s värden", shape, values, theirs);
                    }
                    if (cache.templates.size() < Cache.MAX_TEMPLATES) {
                        cache.templates.putIfAbsent(shape, new Template(sql, same));
                    }
                }
                bound = theirs;
            }
            if (recorder != null) {
                recorder.accept(inline(sql, bound));
            }
            try {
                PreparedStatement ps = cache.prepared(connection, sql);
                for (int i = 0; i < bound.size(); i++) {
                    bind(ps, i + 1, bound.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(rs);
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        }
    }

    // ---- the values, in jOOQ's order ---------------------------------------------------------------------------

    /** {@code DeviationRepository.condition}'s values (and its shape), in the order it renders them. */
    static void condition(DeviationFilter f, LocalDate today, List<Object> shape, List<Object> values) {
        if (f.kinds() != null && !f.kinds().isEmpty()) {
            shape.add("kinds " + f.kinds().size());
            f.kinds().forEach(k -> values.add(k.name()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            shape.add("statuses " + f.statuses().size());
            f.statuses().forEach(s -> values.add(s.name()));
        }
        if (f.unitIds() != null) {
            shape.add("units " + f.unitIds().size());
            values.addAll(f.unitIds());
        }
        if (f.categoryId() != null) {
            shape.add("category");
            values.add(f.categoryId());
        }
        if (f.from() != null) {
            shape.add("from");
            values.add(f.from());
        }
        if (f.to() != null) {
            shape.add("to");
            values.add(f.to());
        }
        if (f.overdueOnly()) {
            shape.add("overdue");
            overdue(today, values);
        }
        if (f.ivoLateBefore() != null) {
            shape.add("ivo late");
            ivoLate(f.ivoLateBefore(), values);
        }
        if (f.registeredBy() != null) {
            shape.add("registered by");
            values.add(f.registeredBy());
        }
        if (f.text() != null && !f.text().isBlank()) {
            shape.add("text");
            values.add(TextSearch.phrase(f.text().strip()));
        }
    }

    /** {@code Rollups.months}' dimensions after the months (kinds, statuses, units, category). */
    private static void dimensions(DeviationFilter f, List<Object> shape, List<Object> values) {
        DeviationFilter dims = new DeviationFilter(f.kinds(), f.statuses(), f.unitIds(), f.categoryId(), null, null,
                false, null);
        condition(dims, null, shape, values);
    }

    private static void overdue(LocalDate today, List<Object> values) {
        values.add(today);
        DeviationRepository.OVERDUE_STATUSES.forEach(values::add);
    }

    private static void ivoLate(LocalDate lateBefore, List<Object> values) {
        values.addAll(DeviationRepository.IVO_REPORTABLE_KINDS);
        values.addAll(DeviationRepository.IVO_SERIOUS_ASSESSMENTS);
        values.add(lateBefore);
    }

    /** Whether jOOQ's values are the ones computed here (numbers by value: jOOQ may box a limit as Integer or Long). */
    static boolean sameValues(List<Object> theirs, List<Object> ours) {
        if (theirs.size() != ours.size()) {
            return false;
        }
        for (int i = 0; i < theirs.size(); i++) {
            Object a = theirs.get(i);
            Object b = ours.get(i);
            boolean same = a instanceof Number x && b instanceof Number y ? x.longValue() == y.longValue()
                    && !(a instanceof Double || a instanceof Float || a instanceof java.math.BigDecimal)
                    : java.util.Objects.equals(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Binds as jOOQ does on SQLite: dates as their ISO text, numbers as integers, text as text. */
    private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        switch (v) {
            case null -> ps.setNull(index, java.sql.Types.NULL);
            case String s -> ps.setString(index, s);
            case LocalDate d -> ps.setString(index, d.toString());
            case Boolean b -> ps.setInt(index, b ? 1 : 0);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setLong(index, i);
            default -> ps.setObject(index, v);
        }
    }

    private static Long firstLong(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return null;
        }
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
    }

    /**
     * A date column as SQLite keeps it (ISO text, "yyyy-MM-dd"); null stays null. Read by hand: {@code LocalDate.parse}
     * through a formatter was a tenth of the search's CPU time for 200 dates a page (decision 0044).
     */
    static LocalDate date(String iso) {
        if (iso == null) {
            return null;
        }
        if (iso.length() >= 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-' && (iso.length() == 10
                || iso.charAt(10) == ' ' || iso.charAt(10) == 'T')) {
            int y = digits(iso, 0, 4);
            int m = digits(iso, 5, 7);
            int d = digits(iso, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
    }

    /** The decimal number in {@code s[from, to)}, -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * {@code sql} with each {@code ?} outside quotes replaced by its value as a SQL literal, as jOOQ's
     * {@code renderInlined} writes it: text in single quotes (doubled inside), dates as ISO text, numbers as digits.
     */
    static String inline(String sql, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * values.size());
        int next = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
                out.append(ch);
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
                out.append(ch);
            } else if (ch == '?' && next < values.size()) {
                out.append(literal(values.get(next++)));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String literal(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "'" + s.replace("'", "''") + "'";
            case LocalDate d -> "'" + d + "'";
            case Boolean b -> b ? "1" : "0";
            default -> String.valueOf(v);
        };
    }

    /** For tests: the shapes seen so far whose values differed from jOOQ's. */
    static long mismatches(Cache cache) {
        return cache.mismatches();
    }
}

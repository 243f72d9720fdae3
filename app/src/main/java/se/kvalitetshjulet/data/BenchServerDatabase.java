package se.kvalitetshjulet.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database {@code bench --db postgresql://…} writes into (decision 0036): never the förvaltning's own, but a new
 * database beside it on the same server, named {@code <database>_kvh_bench} and marked by a comment, created by the
 * bench's login (which needs CREATEDB), set up with {@code server init}'s migrations, filled from the same
 * deterministic SQLite dataset as the SQLite bench by {@code COPY}, and dropped at the end.
 */
public final class BenchServerDatabase {
    /** The comment that marks a database as the bench's own: only such a database is ever dropped by the bench. */
    static final String MARKER = "Kvalitetshjulet bench: tillfällig mätdatabas, tas bort efter mätningen";
    private static final int COPY_BATCH = 20_000;

    private BenchServerDatabase() {
    }

    /** The bench database's address: the same server, login and parameters, another database. */
    public static ServerUrl benchUrl(ServerUrl named) {
        String name = named.database() + "_kvh_bench";
        if (name.length() > 63) {
            name = name.substring(name.length() - 63);
        }
        return new ServerUrl(named.user(), named.host(), named.port(), name, named.params());
    }

    /**
     * Creates the bench database beside {@code named} (dropping an earlier bench database of the same name left by an
     * interrupted run; refusing any other database of that name) and returns its address.
     *
     * @throws DatabaseRefusedException when the login may not create databases or the name is taken by a database
     *                                  that is not the bench's
     */
    public static ServerUrl create(ServerUrl named, String password) {
        ServerUrl bench = benchUrl(named);
        try (Connection c = connect(named, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rolcreatedb OR rolsuper FROM pg_catalog.pg_roles "
                    + "WHERE rolname = current_user")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_INITIALISED,
                            "Inloggningen " + named.user() + " får inte skapa databaser. bench skriver aldrig i "
                                    + named.database() + " utan i en egen mätdatabas (" + bench.database() + ") bredvid "
                                    + "den: kör bench som en inloggning med CREATEDB (t.ex. den som körde server init). "
                                    + "Inget har ändrats.", null);
                }
            }
            dropIfOurs(st, bench);
            st.execute("CREATE DATABASE " + quote(bench.database()) + " TEMPLATE template0 ENCODING 'UTF8'");
            st.execute("COMMENT ON DATABASE " + quote(bench.database()) + " IS '" + MARKER + "'");
        } catch (SQLException e) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_INITIALISED,
                    "Mätdatabasen " + bench.database() + " kunde inte skapas på " + named.host() + ": " + e.getMessage()
                            + ". Inget har ändrats i " + named.database() + ".", e);
        }
        return bench;
    }

    /** Drops the bench database (only if it carries the bench's mark). */
    public static void drop(ServerUrl named, String password) {
        try (Connection c = connect(named, password); Statement st = c.createStatement()) {
            dropIfOurs(st, benchUrl(named));
        } catch (SQLException e) {
            throw new IllegalStateException("Mätdatabasen " + benchUrl(named).database() + " kunde inte tas bort: "
                    + e.getMessage(), e);
        }
    }

    private static void dropIfOurs(Statement st, ServerUrl bench) throws SQLException {
        String comment = null;
        boolean exists = false;
        try (ResultSet rs = st.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_catalog.pg_database "
                + "WHERE datname = '" + bench.database().replace("'", "''") + "'")) {
            if (rs.next()) {
                exists = true;
                comment = rs.getString(1);
            }
        }
        if (!exists) {
            return;
        }
        if (!MARKER.equals(comment)) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_INITIALISED,
                    "Det finns redan en databas " + bench.database() + " på servern som inte är benchens egen. bench rör "
                            + "den inte: byt namn på den eller mät mot en annan databas. Inget har ändrats.", null);
        }
        st.execute("DROP DATABASE " + quote(bench.database()) + " WITH (FORCE)");
    }

    private static Connection connect(ServerUrl url, String password) throws SQLException {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url.jdbcUrl());
        pg.setUser(url.user());
        if (password != null) {
            pg.setPassword(password);
        }
        return pg.getConnection();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** One table's rows in the dataset file and in the bench database after the load. */
    public record Loaded(String table, long inFile, long onServer) { }

    /**
     * Copies every table of {@code file} into the freshly initialised bench database {@code server} with {@code COPY
     * … FROM STDIN} (text format), in one transaction: the rows the migrations seeded are replaced by the file's, the
     * tables' own triggers (the audit seal, change notifications) are off during the load (the bench's login owns the
     * tables), self-references are set after their table is in, the identity sequences continue after the copied
     * ids, and every table's count and the whole audit trail's digest are compared before the commit. ANALYZE afterwards, as a DBA would after a load.
     */
    public static List<Loaded> load(Database file, Database server) {
        if (file.engine().isServer() || !server.engine().isServer()) {
            throw new IllegalArgumentException("bench kopierar från en databasfil till sin mätdatabas på servern");
        }
        List<Table<?>> tables = ServerMigration.inDependencyOrder();
        List<Loaded> loaded = server.tx(tx -> tx.connectionResult(c -> {
            try (Statement st = c.createStatement()) {
                for (Table<?> t : tables) {
                    st.execute("ALTER TABLE " + quote(t.getName()) + " DISABLE TRIGGER USER");
                }
                for (Table<?> t : tables.reversed()) {
                    st.execute("DELETE FROM " + quote(t.getName()));
                }
                List<Loaded> out = new ArrayList<>();
                for (Table<?> t : tables) {
                    long copied = copyTable(file, c, t);
                    long onServer;
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(t.getName()))) {
                        rs.next();
                        onServer = rs.getLong(1);
                    }
                    long inFile = file.dsl().fetchCount(t);
                    if (copied != inFile || onServer != inFile) {
                        throw new IllegalStateException("Tabellen " + t.getName() + " har " + inFile + " rader i filen men "
                                + onServer + " i mätdatabasen efter COPY.");
                    }
                    out.add(new Loaded(t.getName(), inFile, onServer));
                }
                for (Table<?> t : tables) {
                    if (t.field("id") != null && t.getIdentity() != null && t.field("id").getDataType().isNumeric()) {
                        st.execute("SELECT setval(pg_get_serial_sequence('" + t.getName() + "', 'id'), "
                                + "coalesce((SELECT max(id) FROM " + quote(t.getName()) + "), 0) + 1, false)");
                    }
                }
                for (Table<?> t : tables) {
                    st.execute("ALTER TABLE " + quote(t.getName()) + " ENABLE TRIGGER USER");
                }
                // the values, not only the counts: the whole audit trail, field by field, as server migrate checks it
                if (!ServerMigration.auditDigest(file.dsl()).equals(ServerMigration.auditDigest(tx))) {
                    throw new IllegalStateException("Ändringsloggen i mätdatabasen skiljer sig från filens efter COPY.");
                }
                return out;
            }
        }));
        server.dsl().execute("ANALYZE");
        return loaded;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static long copyTable(Database file, Connection c, Table<?> t) throws SQLException {
        List<Field<?>> selfRefs = new ArrayList<>();
        for (ForeignKey<?, ?> fk : t.getReferences()) {
            if (fk.getKey().getTable().getName().equals(t.getName())) {
                selfRefs.addAll(fk.getFields());
            }
        }
        Field<?>[] fields = t.fields();
        StringBuilder columns = new StringBuilder();
        for (Field<?> f : fields) {
            columns.append(columns.isEmpty() ? "" : ", ").append(quote(f.getName()));
        }
        String copy = "COPY " + quote(t.getName()) + " (" + columns + ") FROM STDIN";
        var api = c.unwrap(PGConnection.class).getCopyAPI();
        long n = 0;
        List<Object[]> later = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        try (Cursor<? extends Record> cursor = file.dsl().selectFrom(t).fetchLazy()) {
            while (cursor.hasNext()) {
                Record r = cursor.fetchNext();
                if (!selfRefs.isEmpty()) {
                    Object[] row = new Object[selfRefs.size() + 1];
                    row[0] = r.get("id");
                    for (int i = 0; i < selfRefs.size(); i++) {
                        row[i + 1] = r.get(selfRefs.get(i));
                        r.set((Field) selfRefs.get(i), null);
                    }
                    later.add(row);
                }
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        batch.append('\t');
                    }
                    appendCopyValue(batch, r.get(fields[i]));
                }
                batch.append('\n');
                if (++inBatch == COPY_BATCH) {
                    n += copyIn(api, copy, batch);
                    inBatch = 0;
                }
            }
        }
        n += copyIn(api, copy, batch);
        for (Object[] row : later) {
            var update = DSL.using(c, org.jooq.SQLDialect.POSTGRES).update(t).set((Field) selfRefs.getFirst(), row[1]);
            for (int i = 1; i < selfRefs.size(); i++) {
                update = update.set((Field) selfRefs.get(i), row[i + 1]);
            }
            update.where(((Field) t.field("id")).eq(row[0])).execute();
        }
        return n;
    }

    private static long copyIn(org.postgresql.copy.CopyManager api, String copy, StringBuilder batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        try (Reader in = new StringReader(batch.toString())) {
            return api.copyIn(copy, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            batch.setLength(0);
        }
    }

    /** One value in COPY's text format (null as \N; backslash, tab, newline and carriage return escaped). */
    static void appendCopyValue(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("\\N");
            case Boolean b -> sb.append(b ? 't' : 'f');
            case byte[] bytes -> sb.append("\\\\x").append(HexFormat.of().formatHex(bytes));
            case BigDecimal d -> sb.append(d.toPlainString());
            // PostgreSQL keeps microseconds; cut the rest as server migrate does
            case java.time.LocalDateTime t -> sb.append(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            case java.time.OffsetDateTime t -> sb.append(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            default -> {
                String s = v.toString();
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\t' -> sb.append("\\t");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        default -> sb.append(ch);
                    }
                }
            }
        }
    }

    /**
     * Lets {@code login} see the whole bench database as a kvalitetsutvecklare through the row security policies
     * (decision 0036): one {@code server_grant} row per top unit, in the bench database only. The login must already be
     * a member of the kvalitetsutvecklare role: role membership is the whole server's, and the bench never changes it.
     *
     * @throws DatabaseRefusedException when the login does not exist or is not a kvalitetsutvecklare
     */
    public static void grantKvalitetsutvecklare(Database bench, String login, List<Long> topUnits) {
        requireKvalitetsutvecklare(bench, login);
        bench.txRun(tx -> {
            for (long unit : topUnits) {
                tx.execute("INSERT INTO server_grant (login, role, unit_id) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING",
                        DSL.inline(login), DSL.inline(se.kvalitetshjulet.domain.org.AccessRole.KVALITETSUTVECKLARE.cliName()),
                        DSL.inline(unit));
            }
        });
    }

    /**
     * Refuses a {@code --as} login that does not exist or is not a member of the kvalitetsutvecklare role (asked of any
     * database on the server: roles are the server's).
     */
    public static void requireKvalitetsutvecklare(Database anyOnServer, String login) {
        String role = se.kvalitetshjulet.domain.org.AccessRole.KVALITETSUTVECKLARE.databaseRole();
        Boolean member = anyOnServer.dsl().fetchValue(DSL.field("CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_roles "
                + "WHERE rolname = {0} AND rolcanlogin) THEN pg_has_role({0}, {1}, 'MEMBER') END", Boolean.class,
                DSL.inline(login), DSL.inline(role)));
        if (member == null) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_INITIALISED,
                    "Inloggningen " + login + " (--as) finns inte på servern. Inget har ändrats.", null);
        }
        if (!member) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_INITIALISED,
                    "Inloggningen " + login + " (--as) är inte kvalitetsutvecklare på servern. Ge den rollen först "
                            + "(server grant " + login + " --role kvalitetsutvecklare --unit … i er databas): bench "
                            + "ändrar aldrig serverns roller. Inget har ändrats.", null);
        }
    }

    /** The server's version, as it says it ({@code SHOW server_version}). */
    public static String serverVersion(Database server) {
        return String.valueOf(server.dsl().fetchValue("SHOW server_version"));
    }

    /**
     * Who the bench measures as, in words: the login, whether row security applies to it (a superuser and the tables'
     * owner bypass it) and the application roles it holds.
     */
    public static String describeLogin(Database server) {
        var r = server.dsl().fetchOne("SELECT current_user, r.rolsuper, r.rolbypassrls, "
                + "(SELECT tableowner FROM pg_catalog.pg_tables WHERE tablename = 'deviation' AND schemaname = current_schema()) "
                + "FROM pg_catalog.pg_roles r WHERE r.rolname = current_user");
        String user = r.get(0, String.class);
        List<String> roles = new ArrayList<>();
        for (var role : se.kvalitetshjulet.domain.org.AccessRole.values()) {
            if (Boolean.TRUE.equals(server.dsl().fetchValue(DSL.field("pg_has_role(current_user, {0}, 'MEMBER')",
                    Boolean.class, DSL.inline(role.databaseRole()))))) {
                roles.add(role.cliName());
            }
        }
        boolean superuser = Boolean.TRUE.equals(r.get(1, Boolean.class));
        boolean bypass = Boolean.TRUE.equals(r.get(2, Boolean.class));
        boolean owner = user.equals(r.get(3, String.class));
        String rls = superuser ? "superanvändare: radsäkerheten gäller inte, alla rader syns"
                : bypass ? "BYPASSRLS: radsäkerheten gäller inte, alla rader syns"
                : owner ? "tabellernas ägare: radsäkerheten gäller inte, alla rader syns"
                : "radsäkerheten gäller: inloggningen ser det dess roller ger";
        boolean narrowed = !superuser && !bypass && !owner;
        return user + " (" + rls + (narrowed ? "; roller: " + (roles.isEmpty() ? "inga" : String.join(", ", roles)) : "") + ")";
    }
}

package se.kvalitetshjulet.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The one place that opens the database. Checks a file before touching it (refusing
 * anything that is not ours or is newer), backs it up before migrating, migrates with
 * Flyway and hands out a jOOQ {@link DSLContext}. Every write goes through {@link #tx}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final int BACKUPS_KEPT = 5;
    /**
     * The newest migration in {@code db/migration}. Kept as a constant so that opening a current
     * database needs no Flyway at all (Flyway's start-up costs about a second);
     * {@code DatabaseTest} fails if it drifts from the migrations Flyway finds.
     */
    public static final String SCHEMA_VERSION = "11";
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static {
        NativeSqlite.configure();
    }

    private final Path file;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    /** The key of an encrypted database (kept for backups written with the same key), null for a plain one. */
    private final Passphrase key;

    private Database(Path file, HikariDataSource dataSource, Passphrase key) {
        this.file = file;
        this.dataSource = dataSource;
        this.key = key;
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.dsl = DSL.using(dataSource, SQLDialect.SQLITE, settings);
    }

    /**
     * Opens (creating if missing) and migrates the database at {@code file}.
     *
     * @throws DatabaseRefusedException when the file is not ours or is newer; it is then left untouched
     */
    public static Database open(Path file) {
        return open(file, null);
    }

    /**
     * Opens (creating if missing) and migrates the database at {@code file} with a passphrase (decision 0013). A new
     * file is encrypted from its first byte when a passphrase is given; an existing encrypted file needs the right one.
     * An existing plain file opens plain (the passphrase is not used; {@code encrypt} turns it into an encrypted one).
     *
     * @param passphrase null for none
     * @throws DatabaseRefusedException when the file is not ours, newer, encrypted without (the right) passphrase; it
     *                                  is then left untouched
     */
    public static Database open(Path file, Passphrase passphrase) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean existed = Files.exists(absolute) && sizeOf(absolute) > 0;
        MigrationVersion current = null;
        boolean encrypted;
        if (existed) {
            Inspection inspection = inspect(absolute, passphrase);
            current = inspection.version();
            encrypted = inspection.encrypted();
        } else {
            encrypted = passphrase != null;
            if (encrypted && !encryptionAvailable()) {
                throw encryptionUnavailable(absolute);
            }
            try {
                Files.createDirectories(absolute.getParent());
            } catch (IOException e) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                        "Mappen för databasen kunde inte skapas: " + absolute.getParent()
                                + ". Kontrollera att du har skrivrättighet där.", e);
            }
        }
        Passphrase key = encrypted ? passphrase : null;
        HikariDataSource ds = pool(absolute, key);
        if (current != null && current.equals(MigrationVersion.fromVersion(SCHEMA_VERSION))) {
            return new Database(absolute, ds, key);
        }
        try {
            Flyway flyway = flyway(ds);
            if (existed && flyway.info().pending().length > 0) {
                backup(ds, absolute, key);
            }
            flyway.migrate();
            return new Database(absolute, ds, key);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** The highest migration version this build of the application knows. */
    public static MigrationVersion latestKnownVersion() {
        return MigrationVersion.fromVersion(SCHEMA_VERSION);
    }

    /** The highest migration Flyway finds on the classpath (for the test that keeps {@link #SCHEMA_VERSION} true). */
    public static MigrationVersion latestMigrationOnClasspath() {
        SQLiteDataSource probe = new SQLiteDataSource();
        probe.setUrl("jdbc:sqlite::memory:");
        MigrationInfo[] all = flyway(probe).info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
    }

    private static Flyway flyway(DataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .locations(MIGRATIONS)
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY"))
                .load();
    }

    /**
     * Read-only inspection: header, readability, ownership and schema version. Writes nothing.
     *
     * @return the schema version the file has, or {@code null} for an empty file
     */
    static MigrationVersion inspect(Path file) {
        return inspect(file, null).version();
    }

    /** What a read-only look at a file found: its schema version (null when empty) and whether it is encrypted. */
    record Inspection(MigrationVersion version, boolean encrypted) {
    }

    /**
     * Read-only inspection with an optional passphrase. A file without SQLite's plain header whose size is a whole
     * number of pages is taken to be encrypted: without a passphrase it is refused ({@code PASSPHRASE_MISSING}), and a
     * passphrase that does not open it is refused as {@code PASSPHRASE_WRONG}. Writes nothing.
     */
    static Inspection inspect(Path file, Passphrase passphrase) {
        byte[] header = new byte[SQLITE_HEADER.length];
        boolean encrypted;
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            encrypted = read < header.length || !Arrays.equals(header, SQLITE_HEADER);
            if (encrypted && (sizeOf(file) < 512 || sizeOf(file) % 512 != 0)) {
                throw notADatabase(file, null);
            }
        } catch (IOException e) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.CANNOT_OPEN,
                    "Filen " + file + " kunde inte läsas. Kontrollera att den finns och att du har läsrättighet.", e);
        }
        if (encrypted && !encryptionAvailable()) {
            throw encryptionUnavailable(file);
        }
        if (encrypted && passphrase == null) {
            // An encrypted file looks like random bytes: it may be either (reason NOT_A_DATABASE, see mayBeEncrypted)
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_A_DATABASE,
                    "Filen " + file + " är inte en läsbar databas utan lösenfras: den är krypterad, skadad eller av en "
                            + "annan typ. Är den krypterad, ange lösenfrasen (i programmet i dialogen, på kommandoraden "
                            + "med --passphrase-file FIL eller miljövariabeln KVALITETSHJULET_PASSPHRASE). "
                            + "Filen har inte ändrats.", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        if (encrypted) {
            applyKey(config, passphrase);
        }
        Connection opened;
        try {
            opened = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw encrypted ? wrongPassphrase(file, e) : notADatabase(file, e);
        }
        try (Connection c = opened;
             Statement st = c.createStatement()) {
            try {
                st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            } catch (SQLException e) {
                throw encrypted ? wrongPassphrase(file, e) : notADatabase(file, e);
            }
            boolean hasHistory;
            int tables;
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                hasHistory = names.contains("flyway_schema_history");
                tables = names.size();
            }
            if (!hasHistory) {
                if (tables > 0) {
                    throw new DatabaseRefusedException(DatabaseRefusedException.Reason.FOREIGN_DATABASE,
                            "Filen " + file + " är en SQLite-databas men inte en Kvalitetshjulet-databas. "
                                    + "Välj en annan fil eller skapa en ny databas.", null);
                }
                return new Inspection(null, encrypted);
            }
            MigrationVersion known = latestKnownVersion();
            MigrationVersion highest = MigrationVersion.EMPTY;
            try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                while (rs.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    if (v.isNewerThan(highest.getVersion())) {
                        highest = v;
                    }
                    if (v.isNewerThan(known.getVersion())) {
                        throw new DatabaseRefusedException(DatabaseRefusedException.Reason.NEWER_VERSION,
                                "Databasen " + file + " har skapats av en nyare version av Kvalitetshjulet (schema "
                                        + v + ", den här versionen känner till " + known + "). "
                                        + "Uppdatera programmet; filen har inte ändrats.", null);
                    }
                }
            }
            return new Inspection(highest, encrypted);
        } catch (SQLException e) {
            throw notADatabase(file, e);
        }
    }

    /** Whether {@code file} could be an encrypted database: no plain SQLite header, a whole number of pages. */
    public static boolean mayBeEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            long size = sizeOf(file);
            return !Arrays.equals(header, SQLITE_HEADER) && size >= 512 && size % 512 == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static DatabaseRefusedException wrongPassphrase(Path file, Throwable cause) {
        return new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_WRONG,
                "Lösenfrasen öppnar inte " + file + " (eller så är filen ingen Kvalitetshjulet-databas). "
                        + "Kontrollera lösenfrasen och försök igen. Filen har inte ändrats.", cause);
    }

    private static DatabaseRefusedException encryptionUnavailable(Path file) {
        return new DatabaseRefusedException(DatabaseRefusedException.Reason.ENCRYPTION_UNAVAILABLE,
                "Databasen " + file + " är krypterad eller ska krypteras, men den här versionen av programmet saknar "
                        + "krypteringsstöd (den byggdes utan C-kompilator). Använd det installerade programmet eller "
                        + "bygg med en C-kompilator (se README). Filen har inte ändrats.", null);
    }

    private static volatile Boolean encryptionAvailable;

    /** Whether this build can open and write encrypted databases (SQLite3 Multiple Ciphers is loaded). */
    public static boolean encryptionAvailable() {
        Boolean known = encryptionAvailable;
        if (known == null) {
            boolean ok = false;
            if (NativeSqlite.configure()) {
                try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT sqlite3mc_version()")) {
                    ok = rs.next() && rs.getString(1) != null;
                } catch (SQLException e) {
                    LOG.warn("SQLite3 Multiple Ciphers is not loaded: encryption unavailable");
                }
            }
            encryptionAvailable = known = ok;
        }
        return known;
    }

    /** The cipher scheme every encrypted database uses (decision 0013); fixed, never the library's default. */
    static final String CIPHER = "chacha20";

    private static void applyKey(SQLiteConfig config, Passphrase passphrase) {
        config.setHexKeyMode(SQLiteConfig.HexKeyMode.SSE);
        config.setPragma(SQLiteConfig.Pragma.PASSWORD, passphrase.hex());
    }

    private static DatabaseRefusedException notADatabase(Path file, Throwable cause) {
        return new DatabaseRefusedException(DatabaseRefusedException.Reason.NOT_A_DATABASE,
                "Filen " + file + " är inte en läsbar databas (den kan vara skadad eller av en annan typ). "
                        + "Filen har inte ändrats. Välj en annan fil eller återställ en säkerhetskopia.", cause);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static HikariDataSource pool(Path file, Passphrase key) {
        SQLiteConfig config = new SQLiteConfig();
        if (key != null) {
            applyKey(config, key);
        }
        // temporary tables and sort spills stay in memory, never in plain files (decision 0013)
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setDateClass("TEXT");
        SQLiteDataSource sqlite = new SQLiteDataSource(config) {
            @Override
            public org.sqlite.SQLiteConnection getConnection(String user, String password) throws java.sql.SQLException {
                org.sqlite.SQLiteConnection c = super.getConnection(user, password);
                registerFunctions(c);
                return c;
            }
        };
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(sqlite);
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(1);
        hc.setPoolName("kvalitetshjulet");
        return new HikariDataSource(hc);
    }

    /**
     * SQL functions SQLite lacks, registered on every pooled connection. {@value #UNICODE_LOWER}(text) lower-cases
     * all of Unicode (SQLite's own {@code lower()} only knows A–Z, so "ÄLDREBOENDE" would not match "äldre").
     * PostgreSQL's {@code lower()} is already Unicode-aware; see {@code repo.TextSearch}.
     */
    private static void registerFunctions(java.sql.Connection c) throws java.sql.SQLException {
        org.sqlite.Function.create(c, UNICODE_LOWER, new org.sqlite.Function() {
            @Override
            protected void xFunc() throws java.sql.SQLException {
                String v = value_text(0);
                result(v == null ? null : v.toLowerCase(java.util.Locale.ROOT));
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    /** Name of the Unicode lower-case SQL function registered on SQLite connections. */
    public static final String UNICODE_LOWER = "kvh_lower";

    /**
     * A consistent copy of the database at {@code target} ({@code VACUUM INTO}), encrypted with the same passphrase
     * when the database is encrypted, plain when it is plain. The target must not exist.
     */
    public void copyTo(Path target) {
        copyTo(target, key);
    }

    /** {@link #copyTo(Path)} with another key (null: plain), for {@code encrypt} and {@code rekey}. */
    void copyTo(Path target, Passphrase targetKey) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(vacuumInto(target, targetKey));
        } catch (SQLException e) {
            throw new IllegalStateException("Kopian till " + target + " kunde inte skrivas: " + e.getMessage(), e);
        }
    }

    /** {@code VACUUM INTO} a URI carrying the cipher and key of the copy (SQLite3 Multiple Ciphers), or a plain path. */
    static String vacuumInto(Path target, Passphrase key) {
        String uri = target.toAbsolutePath().toUri().toString();
        if (key != null) {
            uri += "?cipher=" + CIPHER + "&hexkey=" + key.hex();
        }
        return "VACUUM INTO '" + uri.replace("'", "''") + "'";
    }

    /** Online backup to a timestamped file beside the database (encrypted like it); keeps the newest few. */
    private static void backup(DataSource ds, Path file, Passphrase key) {
        Path target = file.resolveSibling(file.getFileName() + ".backup-" + LocalDateTime.now().format(BACKUP_STAMP));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(vacuumInto(target, key));
            LOG.info("Backed up the database before migrating");
        } catch (SQLException e) {
            throw new IllegalStateException("Säkerhetskopian före uppgraderingen misslyckades; databasen har inte ändrats.", e);
        }
        String prefix = file.getFileName() + ".backup-";
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            List<Path> backups = siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparing(Path::toString).reversed()).toList();
            for (Path old : backups.subList(Math.min(BACKUPS_KEPT, backups.size()), backups.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            LOG.warn("Could not prune old backups of {}", file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Whether the file is encrypted at rest (decision 0013). */
    public boolean encrypted() {
        return key != null;
    }

    /** Read access; repositories use it for queries. */
    public DSLContext dsl() {
        return dsl;
    }

    /** Runs {@code work} in one transaction: all of it is written or none of it. */
    public <T> T tx(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    public void txRun(Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(cfg.dsl()));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

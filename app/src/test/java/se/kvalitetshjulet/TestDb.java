package se.kvalitetshjulet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;

/** Opens a fresh, migrated database in a temporary folder with a fixed clock. */
public final class TestDb {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private TestDb() {
    }

    public static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Stockholm")).toInstant(),
                ZoneId.of("Europe/Stockholm"));
    }

    public static AppContext open(Path dir) {
        return new AppContext(Database.open(dir.resolve("test.db")), clock());
    }

    /** The two engines that repository and service tests run against (decision 10). */
    public enum Engine {
        SQLITE, POSTGRESQL
    }

    /** A fresh database on {@code engine}: a SQLite file in {@code dir}, or a new database on the test PostgreSQL server. */
    public static Database database(Engine engine, Path dir) {
        return switch (engine) {
            case SQLITE -> Database.open(dir.resolve("test.db"));
            case POSTGRESQL -> {
                TestPostgres pg = TestPostgres.get();
                yield se.kvalitetshjulet.data.PostgresServer.open(
                        se.kvalitetshjulet.data.ServerUrl.parse(pg.url(pg.createDatabase())),
                        se.kvalitetshjulet.data.PostgresServer.Mode.INIT);
            }
        };
    }

    public static AppContext open(Engine engine, Path dir) {
        return new AppContext(database(engine, dir), clock());
    }

    /** Deletes a folder the test made itself. */
    public static void deleteTree(Path dir) {
        try (var all = java.nio.file.Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static AppContext demo(Engine engine, Path dir) {
        AppContext ctx = open(engine, dir);
        ctx.demoData().generate(42, TODAY, p -> { });
        return ctx;
    }

    /** A database with the demo municipality (about 4,800 deviations over three years). */
    public static AppContext demo(Path dir) {
        AppContext ctx = open(dir);
        ctx.demoData().generate(42, TODAY, p -> { });
        return ctx;
    }
}

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

    /** A database with the demo municipality (about 4,800 deviations over three years). */
    public static AppContext demo(Path dir) {
        AppContext ctx = open(dir);
        ctx.demoData().generate(42, TODAY, p -> { });
        return ctx;
    }
}

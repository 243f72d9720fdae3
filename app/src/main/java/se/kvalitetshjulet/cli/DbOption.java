package se.kvalitetshjulet.cli;

import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine.Option;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.data.Database;

/** The {@code --db PATH} option shared by every command. */
public final class DbOption {
    @Option(names = "--db", paramLabel = "PATH",
            description = "SQLite-databasfil (standard: ${DEFAULT-VALUE} i användarens datamapp).")
    Path db;

    public Path path() {
        return db != null ? db : AppPaths.defaultDatabase();
    }

    public AppContext open() {
        return new AppContext(Database.open(path()), Clock.systemDefaultZone());
    }

    /**
     * For commands that only read (export, reports): opens normally, and a database that cannot be written (a
     * read-only file or folder) read-only instead of refusing it.
     */
    public AppContext openForReading() {
        Database database;
        try {
            database = Database.open(path());
        } catch (se.kvalitetshjulet.data.DatabaseRefusedException e) {
            if (e.reason() != se.kvalitetshjulet.data.DatabaseRefusedException.Reason.READ_ONLY) {
                throw e;
            }
            database = Database.openReadOnly(path());
        }
        return new AppContext(database, Clock.systemDefaultZone());
    }
}

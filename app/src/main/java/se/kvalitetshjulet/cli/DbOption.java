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
}

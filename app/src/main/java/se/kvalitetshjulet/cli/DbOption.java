package se.kvalitetshjulet.cli;

import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.ServerUrl;

/**
 * The {@code --db PATH|postgresql://USER@HOST:PORT/DBNAME} option shared by every command: a SQLite file, or a
 * förvaltning's server database (decision 10; the password comes from PGPASSWORD or ~/.pgpass).
 */
public final class DbOption {
    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "SQLite-databasfil (standard: kvalitetshjulet.db i användarens datamapp) eller en serverdatabas "
                    + "postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS[?sslmode=require] (lösenord från PGPASSWORD eller ~/.pgpass).")
    String db;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The file path, or {@code null} when a server database was named. */
    public Path path() {
        if (db == null) {
            return AppPaths.defaultDatabase();
        }
        return ServerUrl.isServerUrl(db) ? null : Path.of(db);
    }

    /** What was named: a file path or a server address. */
    public String location() {
        return db != null ? db : AppPaths.defaultDatabase().toString();
    }

    public boolean isServer() {
        return ServerUrl.isServerUrl(location());
    }

    /** The server address, checked; a malformed one is a usage error (exit code 2). */
    public ServerUrl serverUrl() {
        try {
            return ServerUrl.parse(location());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    public AppContext open() {
        if (isServer()) {
            serverUrl();
        }
        return new AppContext(Database.open(location()), Clock.systemDefaultZone());
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

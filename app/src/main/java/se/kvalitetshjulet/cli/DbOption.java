package se.kvalitetshjulet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.domain.Passphrase;
import se.kvalitetshjulet.data.ServerUrl;

/**
 * The {@code --db PATH|postgresql://USER@HOST:PORT/DBNAME} option shared by every command: a SQLite file, or a
 * förvaltning's server database (decision 10; the password comes from PGPASSWORD or ~/.pgpass).
 */
public final class DbOption {
    /** The environment variable that may hold the passphrase of an encrypted file (decision 0013). */
    public static final String PASSPHRASE_ENV = "KVALITETSHJULET_PASSPHRASE";

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "SQLite-databasfil (standard: kvalitetshjulet.db i användarens datamapp) eller en serverdatabas "
                    + "postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS[?sslmode=require] (lösenord från PGPASSWORD eller ~/.pgpass).")
    String db;

    @Option(names = "--passphrase-file", paramLabel = "FIL",
            description = "Fil med lösenfrasen för en krypterad databas (första raden). Annars läses miljövariabeln "
                    + PASSPHRASE_ENV + ".")
    Path passphraseFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The passphrase from {@code --passphrase-file} or the environment, or null when neither is given. */
    public Passphrase passphrase() {
        return read(passphraseFile, PASSPHRASE_ENV);
    }

    /** A passphrase from a file (first line) or else from an environment variable; null when neither is given. */
    static Passphrase read(Path file, String env) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                return Passphrase.of(nl >= 0 ? text.substring(0, nl + 1) : text);
            } catch (IOException e) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING,
                        "Lösenfrasfilen " + file + " kunde inte läsas. Kontrollera sökvägen och rättigheterna. "
                                + "Inget har ändrats.", e);
            } catch (IllegalArgumentException e) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING,
                        "Lösenfrasfilen " + file + " är tom. Inget har ändrats.", e);
            }
        }
        String value = System.getenv(env);
        return value == null || value.isEmpty() ? null : Passphrase.of(value);
    }

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
        return new AppContext(Database.open(location(), passphrase()), Clock.systemDefaultZone());
    }

    /**
     * For commands that only read (export, reports): opens normally, and a database that cannot be written (a
     * read-only file or folder) read-only instead of refusing it.
     */
    public AppContext openForReading() {
        if (isServer()) {
            return open(); // a server database: what a login may read is the server's business (decision 10)
        }
        Database database;
        try {
            database = Database.open(path(), passphrase());
        } catch (se.kvalitetshjulet.data.DatabaseRefusedException e) {
            if (e.reason() != se.kvalitetshjulet.data.DatabaseRefusedException.Reason.READ_ONLY) {
                throw e;
            }
            database = Database.openReadOnly(path(), passphrase());
        }
        return new AppContext(database, Clock.systemDefaultZone());
    }
}

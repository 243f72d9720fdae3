package se.kvalitetshjulet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine.Option;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.AppPaths;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.data.Passphrase;

/** The {@code --db PATH} option shared by every command, with the passphrase of an encrypted database. */
public final class DbOption {
    /** The environment variable that may hold the passphrase (decision 0013). */
    public static final String PASSPHRASE_ENV = "KVALITETSHJULET_PASSPHRASE";

    @Option(names = "--db", paramLabel = "PATH",
            description = "SQLite-databasfil (standard: ${DEFAULT-VALUE} i användarens datamapp).")
    Path db;

    @Option(names = "--passphrase-file", paramLabel = "FIL",
            description = "Fil med lösenfrasen för en krypterad databas (första raden). Annars läses miljövariabeln "
                    + PASSPHRASE_ENV + ".")
    Path passphraseFile;

    public Path path() {
        return db != null ? db : AppPaths.defaultDatabase();
    }

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

    public AppContext open() {
        return new AppContext(Database.open(path(), passphrase()), Clock.systemDefaultZone());
    }
}

package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.data.DatabaseEncryption;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.domain.Passphrase;

/**
 * {@code encrypt --db FILE} turns a plain database into an encrypted one, {@code rekey --db FILE} changes the
 * passphrase (decision 0013). Both write the whole file anew, verify it and replace the old one in one step.
 */
public final class EncryptCommand {
    private EncryptCommand() {
    }

    static final String LOSS_WARNING = "VIKTIGT: Utan lösenfrasen går databasen inte att öppna – ingen kan återställa "
            + "den, inte IT, inte leverantören. Förvara lösenfrasen säkert (t.ex. i kommunens lösenordshanterare).";

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Krypterar en okrypterad databas (hela filen): skriver en krypterad kopia, läser tillbaka "
                    + "och jämför den, sparar en krypterad säkerhetskopia och byter sedan filen i ett steg.",
                    "Lösenfrasen: --passphrase-file FIL eller miljövariabeln KVALITETSHJULET_PASSPHRASE (minst "
                            + Passphrase.MIN_LENGTH + " tecken)."})
    public static final class Encrypt implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Passphrase passphrase = db.passphrase();
            if (passphrase == null) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING,
                        "Ange lösenfrasen med --passphrase-file FIL eller miljövariabeln "
                                + DbOption.PASSPHRASE_ENV + ". Inget har ändrats.", null);
            }
            return report(spec.commandLine().getOut(), weakOrRun(() -> DatabaseEncryption.encrypt(db.path(), passphrase)),
                    "Databasen är nu krypterad");
        }
    }

    @Command(name = "rekey", mixinStandardHelpOptions = true,
            description = {"Byter lösenfras för en krypterad databas (skriver om hela filen, kontrollerar och byter "
                    + "i ett steg).",
                    "Nuvarande lösenfras: --passphrase-file FIL eller KVALITETSHJULET_PASSPHRASE; den nya: "
                            + "--new-passphrase-file FIL eller KVALITETSHJULET_NEW_PASSPHRASE."})
    public static final class Rekey implements Callable<Integer> {
        static final String NEW_ENV = "KVALITETSHJULET_NEW_PASSPHRASE";

        @Mixin
        DbOption db;

        @Option(names = "--new-passphrase-file", paramLabel = "FIL", description = "Fil med den nya lösenfrasen.")
        Path newPassphraseFile;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Passphrase old = db.passphrase();
            Passphrase fresh = DbOption.read(newPassphraseFile, NEW_ENV);
            if (fresh == null) {
                throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING,
                        "Ange den nya lösenfrasen med --new-passphrase-file FIL eller miljövariabeln " + NEW_ENV
                                + ". Inget har ändrats.", null);
            }
            return report(spec.commandLine().getOut(), weakOrRun(() -> DatabaseEncryption.rekey(db.path(), old, fresh)),
                    "Lösenfrasen är bytt");
        }
    }

    /** A too-short passphrase is rejected input (exit 3), not a failure. */
    private static DatabaseEncryption.Result weakOrRun(java.util.function.Supplier<DatabaseEncryption.Result> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new DatabaseRefusedException(DatabaseRefusedException.Reason.PASSPHRASE_MISSING, e.getMessage(), e);
        }
    }

    private static int report(PrintWriter out, DatabaseEncryption.Result r, String done) {
        out.printf("%s: %s (%d rader i %d tabeller kontrollerade efter omskrivningen).%n", done, r.file(), r.rows(),
                r.tables());
        out.printf("Säkerhetskopia (krypterad med samma lösenfras): %s%n", r.backup());
        if (!r.plainBackupsLeft().isEmpty()) {
            out.println("OBS: Äldre säkerhetskopior bredvid databasen är INTE krypterade och innehåller läsbara uppgifter:");
            r.plainBackupsLeft().forEach(p -> out.println("  " + p));
            out.println("Radera dem (eller flytta dem till en krypterad plats) när du har kontrollerat den krypterade databasen.");
        }
        out.println(LOSS_WARNING);
        return ExitCodes.OK;
    }
}

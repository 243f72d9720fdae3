package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Backups;
import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.domain.backup.BackupKind;

/**
 * {@code backup list|create|restore [BACKUP] --db PATH}: the backups beside a database (kept as the database's
 * backup policy says: 7 daily, 4 weekly and 5 others by default, decision 0020), a backup now, and a restore that checks the backup first, keeps the current file
 * as a backup of its own and is all or nothing.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Säkerhetskopior av databasen: list visar dem, create gör en nu, restore återställer en.",
                "Återställningen kontrollerar kopian först och sparar den nuvarande filen som en egen kopia."},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel (t.ex. full disk, databasen används)", "2:felaktig användning",
                "3:kopian eller databasen avvisades (inget ändrades)"})
public final class BackupCommand implements Callable<Integer> {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, create eller restore.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BACKUP",
            description = "Vid restore: kopian att återställa (filnamn från 'backup list', eller en sökväg).")
    String backup;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (db.isServer()) {
            err.println("En serverdatabas säkerhetskopieras av serverns drift (pg_dump, replikering), inte av "
                    + "programmet. backup gäller en databasfil.");
            return ExitCodes.USAGE;
        }
        Path file = db.path().toAbsolutePath().normalize();
        switch (action == null ? "" : action) {
            case "list" -> {
                List<BackupFile> all = Backups.list(file);
                if (all.isEmpty()) {
                    out.println("Det finns inga säkerhetskopior av " + file + ". Gör en med 'kvalitetshjulet backup "
                            + "create --db " + file + "'.");
                    return ExitCodes.OK;
                }
                out.println("Säkerhetskopior av " + file + " (nyast först):");
                for (BackupFile b : all) {
                    out.printf("  %s  %9s  %-18s  %s%n", b.taken().format(SHOWN), size(b.size()), kind(b.kind()),
                            b.file().getFileName());
                }
                return ExitCodes.OK;
            }
            case "create" -> {
                if (backup != null) {
                    err.println("'backup create' tar inget filnamn; kopian får ett namn med datum och tid bredvid "
                            + "databasen.");
                    return ExitCodes.USAGE;
                }
                if (!Files.isRegularFile(file)) {
                    err.println("Databasen " + file + " finns inte. Kontrollera sökvägen.");
                    return ExitCodes.USAGE;
                }
                try (AppContext ctx = db.open()) {
                    Path made = ctx.database().backupNow();
                    out.println("Säkerhetskopian sparades som " + made + ".");
                    return ExitCodes.OK;
                }
            }
            case "restore" -> {
                if (backup == null) {
                    err.println("Ange vilken kopia som ska återställas: 'kvalitetshjulet backup restore KOPIA --db "
                            + file + "'. Se kopiorna med 'backup list'.");
                    return ExitCodes.USAGE;
                }
                Path from = Path.of(backup);
                if (!from.isAbsolute() && !Files.exists(from)) {
                    from = file.resolveSibling(backup);
                }
                Backups.Restored r = Backups.restore(file, from, db.passphrase());
                out.println("Databasen " + file + " återställdes från " + r.restoredFrom().getFileName() + ".");
                if (r.previousKeptAs() != null) {
                    out.println("Den tidigare filen finns kvar som " + r.previousKeptAs().getFileName() + ".");
                }
                return ExitCodes.OK;
            }
            default -> {
                err.println("Okänd åtgärd '" + action + "'. Använd: backup list|create|restore [KOPIA] --db FIL");
                return ExitCodes.USAGE;
            }
        }
    }

    private static String kind(BackupKind kind) {
        return switch (kind) {
            case DAILY -> "daglig";
            case MANUAL -> "manuell";
            case UPGRADE -> "före uppgradering";
            case RESTORE -> "före återställning";
            case ENCRYPT -> "vid kryptering";
        };
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%,d kB", Math.max(1, bytes / 1024));
        }
        return String.format("%,.1f MB", bytes / (1024.0 * 1024));
    }
}

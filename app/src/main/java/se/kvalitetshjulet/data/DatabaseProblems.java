package se.kvalitetshjulet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.sqlite.SQLiteException;

import se.kvalitetshjulet.data.DatabaseRefusedException.Reason;

/**
 * Turns what SQLite (or the file system) says into the true reason a database could not be opened or written, in
 * Swedish with what to do. Only a file SQLite itself calls damaged is called damaged: a locked file, a read-only
 * folder or a full disk must never be answered with "restore a backup" (that advice could make a user overwrite a
 * healthy database with an old copy).
 */
public final class DatabaseProblems {
    private DatabaseProblems() {
    }

    /** SQLite's result code name (e.g. {@code SQLITE_BUSY}) anywhere in the chain, or "" when there is none. */
    public static String sqliteCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null) {
                return s.getResultCode().name();
            }
            String m = t.getMessage();
            if (m != null) {
                int i = m.indexOf("[SQLITE_");
                if (i >= 0) {
                    int end = m.indexOf(']', i);
                    if (end > i) {
                        return m.substring(i + 1, end);
                    }
                }
            }
        }
        return "";
    }

    /** Whether the disk was full somewhere in the chain (SQLite's SQLITE_FULL or the operating system's ENOSPC). */
    public static boolean diskFull(Throwable e) {
        String code = sqliteCode(e);
        // a write refused by the system (ENOSPC gives SQLITE_FULL; a quota or file-size limit, EFBIG, IOERR_WRITE)
        if (code.startsWith("SQLITE_FULL") || code.equals("SQLITE_IOERR_WRITE") || code.equals("SQLITE_IOERR_FSYNC")
                || code.equals("SQLITE_IOERR_TRUNCATE")) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("There is not enough space on the disk") || m.contains("File too large"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether another connection or program holds the lock SQLite needed. */
    public static boolean busy(Throwable e) {
        String code = sqliteCode(e);
        return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
    }

    /**
     * h3 (decision 0034): whether the server refused the login's role (SQLSTATE 42501, insufficient_privilege: a
     * missing grant or a row the policies do not let it write). The client hides what a role cannot do; this is
     * the refusal that still gets through.
     */
    public static boolean refusedByServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && "42501".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether SQLite could not write because the file or its folder is read-only. */
    public static boolean readOnly(Throwable e) {
        String code = sqliteCode(e);
        return code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_PERM") || code.startsWith("SQLITE_AUTH");
    }

    /** Whether SQLite found the file damaged or not a database at all. */
    public static boolean damaged(Throwable e) {
        String code = sqliteCode(e);
        return code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
    }

    /** The refusal for a failure while opening or inspecting {@code file}. */
    static DatabaseRefusedException refusal(Path file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsatisfiedLinkError || t.getClass().getSimpleName().equals("NativeLibraryNotFoundException")) {
                return new DatabaseRefusedException(Reason.CANNOT_OPEN, "Databasprogrammet (SQLite) kunde inte startas: "
                        + "dess bibliotek kunde inte packas upp i den tillfälliga mappen " + System.getProperty(
                        "java.io.tmpdir") + ". Disken kan vara full eller mappen skrivskyddad. Frigör utrymme och "
                        + "försök igen. Databasen " + file + " har inte ändrats.", e);
            }
        }
        if (busy(e)) {
            return locked(file, e);
        }
        if (diskFull(e)) {
            return new DatabaseRefusedException(Reason.DISK_FULL, diskFullMessage(file), e);
        }
        if (readOnly(e) || sqliteCode(e).startsWith("SQLITE_CANTOPEN") && !writable(file)) {
            return readOnlyRefusal(file, e);
        }
        String code = sqliteCode(e);
        if (code.startsWith("SQLITE_CANTOPEN")) {
            return new DatabaseRefusedException(Reason.CANNOT_OPEN, "Databasen " + file + " kunde inte öppnas. "
                    + "Kontrollera att filen och mappen finns och att du har läs- och skrivrättighet där. "
                    + "Filen har inte ändrats.", e);
        }
        if (code.startsWith("SQLITE_CORRUPT")) {
            return damagedRefusal(file, "SQLite kan inte läsa delar av filen", e);
        }
        if (code.startsWith("SQLITE_IOERR")) {
            return new DatabaseRefusedException(Reason.CANNOT_OPEN, "Databasen " + file + " kunde inte läsas eller "
                    + "skrivas (fel från disken eller nätverksenheten). Kontrollera att enheten är ansluten och "
                    + "försök igen. Filen har inte ändrats av programmet.", e);
        }
        return new DatabaseRefusedException(Reason.NOT_A_DATABASE, "Filen " + file + " är inte en läsbar "
                + "Kvalitetshjulet-databas (den är av en annan typ eller skadad). Filen har inte ändrats. Välj en "
                + "annan fil, eller om det är din databas: se säkerhetskopiorna med 'kvalitetshjulet backup list --db "
                + file + "'.", e);
    }

    static DatabaseRefusedException locked(Path file, Throwable e) {
        return new DatabaseRefusedException(Reason.LOCKED, "En annan process skriver i databasen " + file
                + " just nu (den är låst). Ingenting har ändrats. Vänta tills det andra programmet är klart, eller "
                + "stäng det, och försök sedan igen.", e);
    }

    static DatabaseRefusedException readOnlyRefusal(Path file, Throwable e) {
        Path dir = file.getParent();
        boolean fileReadOnly = Files.exists(file) && !Files.isWritable(file);
        String what = fileReadOnly ? "Databasfilen " + file + " är skrivskyddad"
                : "Mappen " + dir + " är skrivskyddad (databasen behöver kunna skapa sina arbetsfiler -wal och -shm där)";
        return new DatabaseRefusedException(Reason.READ_ONLY, what + ", så ingenting kan sparas i den. Ingenting har "
                + "ändrats. Flytta databasen till en mapp där du har skrivrättighet, eller be IT om skrivrättighet. "
                + "Export och rapporter fungerar ändå på en skrivskyddad databas.", e);
    }

    static String diskFullMessage(Path file) {
        return "Disken där databasen " + file + " ligger är full eller går inte att skriva till. Ingenting har ändrats. "
                + "Frigör utrymme på disken (eller flytta databasen till en disk med mer utrymme) och försök igen.";
    }

    public static DatabaseRefusedException damagedRefusal(Path file, String detail, Throwable e) {
        return new DatabaseRefusedException(Reason.DAMAGED, "Databasen " + file + " är skadad (" + detail + "). "
                + "Ingenting har skrivits i den. Återställ den senaste fungerande säkerhetskopian: se dem med "
                + "'kvalitetshjulet backup list --db " + file + "' och återställ med 'kvalitetshjulet backup restore "
                + "KOPIA --db " + file + "' (den skadade filen sparas då som en egen kopia).", e);
    }

    private static boolean writable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir == null || !Files.isDirectory(dir)) {
                return true;
            }
            Path probe = Files.createTempFile(dir, ".kvh-write-probe-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}

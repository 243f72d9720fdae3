package se.kvalitetshjulet.app;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.kvalitetshjulet.data.DatabaseProblems;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.domain.Printable;

/**
 * Every failure a user sees is a Swedish sentence that says what happened and what to do; the technical text
 * (driver, POI, JDK) goes to the log only. Messages we wrote ourselves (Swedish, from the services) pass through.
 */
public final class FailureMessages {
    private static final Pattern ENUM = Pattern.compile("No enum constant [\\w.$]+\\.(\\w+)");
    private static final Pattern DATE = Pattern.compile("Text '([^']{0,40})' could not be parsed");
    private static final Pattern NUMBER = Pattern.compile("For input string: \"([^\"]{0,40})\"");
    private static final Pattern TECHNICAL = Pattern.compile("Exception|Error\\b|SQLITE_|\\b(java|javax|org|com|sun)\\.[a-z]"
            + "|jdbc|ConnectionCallable|Cannot |cannot |could not|Could not|out of bounds|NullPointer|Infinite or NaN"
            + "|No enum constant|For input string|DOCTYPE|ZipSecureFile|Input length|setMinInflateRatio|null$");

    private FailureMessages() {
    }

    /** The Swedish sentence for {@code e} (never its raw technical text). */
    public static String explain(Throwable e) {
        if (e instanceof DatabaseRefusedException r) {
            return Printable.escape(r.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return "Minnet räckte inte till för den här åtgärden. Ingenting har sparats. Stäng andra program eller "
                    + "dela upp filen i mindre delar och försök igen.";
        }
        if (DatabaseProblems.busy(e)) {
            return "En annan process skriver i databasen just nu och blev inte klar i tid. Ingenting har ändrats. "
                    + "Försök igen när det andra programmet är klart.";
        }
        if (DatabaseProblems.refusedByServer(e)) {
            return "Servern tillåter inte din roll att göra det här, så ingenting har sparats. Behöver du göra det, be "
                    + "kvalitetsutvecklaren eller IT att ge din inloggning den rollen för enheten "
                    + "('kvalitetshjulet server grant').";
        }
        if (DatabaseProblems.diskFull(e)) {
            return "Disken är full eller går inte att skriva till, så det gick inte att skriva. Ingenting har ändrats, "
                    + "och påbörjade filer har tagits bort. Frigör utrymme på disken och försök igen.";
        }
        if (DatabaseProblems.readOnly(e)) {
            return "Databasen är skrivskyddad (filen eller mappen den ligger i), så ingenting kunde sparas. Ingenting "
                    + "har ändrats. Flytta databasen till en mapp där du har skrivrättighet.";
        }
        if (DatabaseProblems.damaged(e)) {
            return "Databasen visade sig vara skadad när den lästes. Ingenting har ändrats. Kontrollera den med "
                    + "'kvalitetshjulet check' och återställ vid behov en säkerhetskopia ('kvalitetshjulet backup list').";
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDeniedException a) {
                return "Du har inte behörighet till " + file(a) + ". Ingenting har ändrats. Välj en annan mapp eller "
                        + "be IT om behörighet.";
            }
            if (t instanceof NoSuchFileException n) {
                return "Filen eller mappen " + file(n) + " finns inte. Kontrollera sökvägen.";
            }
            if (t instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("Read-only")) {
                return "Platsen " + file(f) + " är skrivskyddad. Välj en annan mapp.";
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            Matcher date = DATE.matcher(m);
            if (t instanceof DateTimeParseException || date.find()) {
                String value = date.find(0) ? date.group(1) : "";
                return "Datumet '" + Printable.escape(value) + "' finns inte eller är skrivet på fel sätt. Skriv datum "
                        + "som ÅÅÅÅ-MM-DD med en dag som finns, t.ex. 2026-02-28.";
            }
            Matcher enumValue = ENUM.matcher(m);
            if (enumValue.find()) {
                return "Värdet '" + Printable.escape(enumValue.group(1)) + "' känns inte igen här. Kontrollera "
                        + "stavningen eller välj ett av de värden som programmet visar.";
            }
            Matcher number = NUMBER.matcher(m);
            if (t instanceof NumberFormatException || number.find()) {
                return "'" + (number.find(0) ? Printable.escape(number.group(1)) : "Värdet") + "' är inte ett tal. "
                        + "Skriv ett tal med siffror (decimaler med komma eller punkt).";
            }
            if (m.contains("Infinite or NaN") || m.contains("NaN")) {
                return "Ett tal blev oändligt eller odefinierat (till exempel en division med noll) och kan inte "
                        + "sparas eller visas. Kontrollera talen och försök igen.";
            }
        }
        String own = ownMessage(e);
        if (own != null) {
            return Printable.escape(own);
        }
        if (e instanceof UncheckedIOException || e.getCause() instanceof java.io.IOException) {
            return "En fil kunde inte läsas eller skrivas. Ingenting har ändrats. Kontrollera sökvägen, behörigheten "
                    + "och att disken inte är full; detaljer finns i loggen (" + logDir() + ").";
        }
        return "Ett oväntat fel inträffade och åtgärden avbröts; ingenting har sparats. Detaljer finns i loggen ("
                + logDir() + ").";
    }

    /** Our own Swedish message (a service's refusal), or {@code null} when the text is technical. */
    private static String ownMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || TECHNICAL.matcher(m).find()) {
            return null;
        }
        if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException || e.getClass().getName().startsWith("se.kvalitetshjulet."))) {
            return null;
        }
        return m;
    }

    private static String logDir() {
        return System.getProperty("kvalitetshjulet.logdir", AppPaths.logDir().toString());
    }

    private static String file(FileSystemException e) {
        return e.getFile() == null ? "filen" : Printable.escape(e.getFile());
    }
}

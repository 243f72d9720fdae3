package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import se.kvalitetshjulet.app.AppContext;

/** What leaves an encrypted database is deliberate: a command that writes a file says it is not encrypted, and where. */
final class PlainFileNotice {
    private PlainFileNotice() {
    }

    static void warn(PrintWriter err, AppContext ctx, Path written) {
        if (ctx.database().encrypted()) {
            err.println("OBS: Databasen är krypterad, men " + written.toAbsolutePath() + " är det inte. Den kan innehålla "
                    + "uppgifter ur registret: spara den bara på en skyddad plats och radera den när den inte behövs.");
        }
    }
}

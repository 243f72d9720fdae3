package se.kvalitetshjulet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** Issue 16, item 9: the raw technical messages of the attack become Swedish sentences; our own pass unchanged. */
class FailureMessagesTest {
    private static String explain(Throwable t) {
        return FailureMessages.explain(t);
    }

    @Test
    void theAttacksRawMessagesBecomeSwedishSentences() {
        DateTimeParseException date = assertThrowsDate();
        assertThat(explain(date)).startsWith("Datumet '2026-02-30' finns inte").contains("ÅÅÅÅ-MM-DD");
        assertThat(explain(new IllegalArgumentException(
                "No enum constant se.kvalitetshjulet.domain.deviation.DeviationKind.BOGUS")))
                .startsWith("Värdet 'BOGUS' känns inte igen");
        assertThat(explain(new IllegalArgumentException("Infinite or NaN"))).contains("oändligt eller odefinierat");
        assertThat(explain(new UncheckedIOException(new IOException("No space left on device"))))
                .startsWith("Disken är full");
        assertThat(explain(new RuntimeException("Cannot commit transaction",
                new SQLException("[SQLITE_READONLY] Attempt to write a readonly database"))))
                .startsWith("Databasen är skrivskyddad");
        assertThat(explain(new RuntimeException("Error while running ConnectionCallable",
                new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)"))))
                .startsWith("En annan process skriver i databasen").contains("Ingenting har ändrats");
        assertThat(explain(new NumberFormatException("For input string: \"12x\""))).startsWith("'12x' är inte ett tal");
        assertThat(explain(new IllegalStateException("Index -777960491 out of bounds for length 3")))
                .startsWith("Ett oväntat fel inträffade").contains("loggen");
    }

    @Test
    void ourOwnSwedishMessagesPassAndNothingRawIsEchoed() {
        assertThat(explain(new IllegalArgumentException("Enheten finns inte i förvaltningen för vård och omsorg.")))
                .isEqualTo("Enheten finns inte i förvaltningen för vård och omsorg.");
        assertThat(explain(new IllegalArgumentException("Rubriken \u001B[2J saknas.")))
                .isEqualTo("Rubriken \\e[2J saknas.");
    }

    private static DateTimeParseException assertThrowsDate() {
        try {
            LocalDate.parse("2026-02-30");
        } catch (DateTimeParseException e) {
            return e;
        }
        throw new AssertionError("2026-02-30 parsed");
    }
}

package se.kvalitetshjulet.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.LoggerContext;

/**
 * The program's log set up in code (decision 0039) writes what the former {@code logback.xml} wrote: one line per
 * message in {@code kvalitetshjulet.log}, personal numbers removed, line breaks escaped (a forged line is impossible),
 * exceptions as class and frames without their messages, jOOQ/Flyway/Hikari/POI only from WARN, the rest from INFO.
 */
class LogConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void theProgramsLogIsRedactedEscapedAndLevelledAsBefore() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setName("test");
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J's provider gives it
        new LogConfiguration().apply(context, dir.toString());
        try {
            org.slf4j.Logger app = context.getLogger("se.kvalitetshjulet.Something");
            app.info("Import av {} klar\nFALSK RAD 2026-01-01 ERROR", "avvikelser 19121212-1212.csv");
            app.warn("Misslyckades", new IllegalStateException("Sven Svensson 121212-1212 i badrummet"));
            app.debug("under INFO: skrivs inte");
            context.getLogger("org.jooq.Constants").info("jOOQ:s reklam skrivs inte");
            context.getLogger("org.flywaydb.core.Flyway").warn("Flyway varnar");
        } finally {
            context.stop();
        }
        List<String> lines = Files.readAllLines(dir.resolve(LogConfiguration.FILE_NAME), StandardCharsets.UTF_8);
        String all = String.join("\n", lines);
        assertThat(lines.getFirst()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[.+\\] "
                + "se\\.kvalitetshjulet\\.Something - Import av avvikelser \\[nummer borttaget\\]\\.csv klar"
                + "\\\\nFALSK RAD 2026-01-01 ERROR");
        assertThat(all).contains("WARN  ", "Misslyckades", "java.lang.IllegalStateException", "Flyway varnar")
                .doesNotContain("1212-1212", "Svensson", "badrummet", "under INFO", "reklam");
        assertThat(lines).noneMatch(l -> l.startsWith("FALSK RAD"));
    }
}

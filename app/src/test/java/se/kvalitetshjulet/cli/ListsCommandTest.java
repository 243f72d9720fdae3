package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code lists export} / {@code lists import} on the command line: exit codes and the identical round trip. */
class ListsCommandTest {
    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void exportEditImportIntoAnEmptyDatabaseAndExportIdentically() throws Exception {
        Path a = dir.resolve("a.db");
        Path file = dir.resolve("listor.json");
        assertThat(run("lists", "export", "--out", file.toString(), "--db", a.toString())).isEqualTo(0);
        String edited = Files.readString(file).replace("\"namn\" : \"Fall\"", "\"namn\" : \"Fallolycka\"")
                .replace("\"dagar\" : 28", "\"dagar\" : 21");
        Files.writeString(file, edited);
        assertThat(run("lists", "import", file.toString(), "--db", a.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("Ny post i avvikelsekategorier: Fallolycka",
                "Borttagen ur avvikelsekategorier: Fall", "Ändrad frist: KLAGOMAL_EXTERN 21 dagar");

        Path again = dir.resolve("again.json");
        run("lists", "export", "--out", again.toString(), "--db", a.toString());
        Path b = dir.resolve("b.db");
        assertThat(run("lists", "import", again.toString(), "--db", b.toString())).isEqualTo(0);
        Path third = dir.resolve("third.json");
        run("lists", "export", "--out", third.toString(), "--db", b.toString());
        assertThat(Files.readString(third)).isEqualTo(Files.readString(again)).isEqualTo(edited);
    }

    @Test
    void aBrokenFileIsRejectedWithCodeThree() throws Exception {
        Path file = dir.resolve("trasig.json");
        Files.writeString(file, "{ \"format\": \"kvalitetshjulet-listor\", ");
        assertThat(run("lists", "import", file.toString(), "--db", dir.resolve("a.db").toString()))
                .isEqualTo(ExitCodes.REJECTED);
        assertThat(err.toString()).contains("ingen giltig JSON", "Inget skrevs");
        assertThat(run("lists", "import", dir.resolve("saknas.json").toString(), "--db", dir.resolve("a.db").toString()))
                .isEqualTo(ExitCodes.USAGE);
    }
}

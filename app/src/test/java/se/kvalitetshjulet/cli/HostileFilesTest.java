package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.cli.HostileFiles.cell;
import static se.kvalitetshjulet.cli.HostileFiles.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/** Issue 16: files a user can be sent are read in bounded memory and refused in Swedish (exit 3) when malformed. */
class HostileFilesTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void database() {
        db = dir.resolve("k.db");
        Database.open(db).close();
    }

    private long deviations() {
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            return ctx.deviations().count(DeviationFilter.all(), ctx.today());
        }
    }

    private static String header() {
        return "<row r=\"1\">" + cell("A1", "Ärendenummer") + cell("B1", "Datum") + cell("C1", "Enhet")
                + cell("D1", "Typ") + cell("E1", "Kategori") + cell("F1", "Rubrik") + "</row>";
    }

    @Test
    void aCellInAFarColumnIsRefusedWithoutFillingMemory() throws Exception {
        // 2.9 KB in the attack; padding a row up to column FXSHRXW exhausted any heap
        Path f = HostileFiles.xlsx(dir.resolve("far.xlsx"), header()
                + "<row r=\"2\">" + cell("A2", "1") + cell("FXSHRXW2", "x") + "</row>");
        assertThat(Files.size(f)).isLessThan(4_000);

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--db", db.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.all()).contains("utanför det Excel tillåter").contains("FXSHRXW2").contains("rad 2")
                .doesNotContain("Exception").doesNotContain("Index");
        assertThat(deviations()).isZero();
    }

    @Test
    void anOverflowingColumnReferenceIsRefusedInSwedish() throws Exception {
        Path f = HostileFiles.xlsx(dir.resolve("overflow.xlsx"), header()
                + "<row r=\"2\">" + cell("A2", "1") + cell("ZZZZZZZZZZZZZZ2", "x") + "</row>");

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--db", db.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.all()).contains("utanför det Excel tillåter").doesNotContain("out of bounds");
        assertThat(deviations()).isZero();
    }

    @Test
    void aFarColumnInTheHeaderRowIsRefusedToo() throws Exception {
        Path f = HostileFiles.xlsx(dir.resolve("farheader.xlsx"),
                "<row r=\"1\">" + cell("A1", "Ärendenummer") + cell("XFE1", "x") + "</row>");

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--db", db.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.all()).contains("XFE1").contains("utanför det Excel tillåter");
    }

    @Test
    void theLastColumnExcelAllowsIsRead() throws Exception {
        Path f = HostileFiles.xlsx(dir.resolve("xfd.xlsx"), header()
                + "<row r=\"2\">" + cell("A2", "1") + cell("XFD2", "x") + "</row>");

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--dry-run", "--db", db.toString());

        assertThat(r.all()).doesNotContain("utanför det Excel tillåter");
    }
}

package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.cli.HostileFiles.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Issue 16, items 7 and 10: denominators read like the deviation import (encodings, duplicates, all or nothing), and
 * control characters from files neither reach the terminal raw nor the register; our own formula-safety apostrophe
 * does not survive a round trip.
 */
class HostileTextTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör;Beskrivning";

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void database() {
        db = dir.resolve("k.db");
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Söder", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                    null, null, null));
        }
    }

    private String one(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Path write(String name, String text, Charset cs, boolean bom) throws Exception {
        Path f = dir.resolve(name);
        byte[] body = text.getBytes(cs);
        byte[] mark = !bom ? new byte[0] : cs.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, all, 0, mark.length);
        System.arraycopy(body, 0, all, mark.length, body.length);
        Files.write(f, all);
        return f;
    }

    @Test
    void denominatorsInWindows1252AreRead() throws Exception {
        Path f = write("n.csv", "Enhet;År;Månad;Brukare;Vårddygn;Besök\nHemtjänst Söder;2025;3;71;;2100\n",
                Charset.forName("windows-1252"), false);

        HostileFiles.Run r = cli("denominators", f.toString(), "--db", db.toString());

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("1 rader med nämnare inlästa");
        assertThat(one("SELECT recipients FROM unit_denominator")).isEqualTo("71");
    }

    @Test
    void denominatorsInUtf16AreRead() throws Exception {
        Path f = write("n16.csv", "Enhet;År;Månad;Brukare;Vårddygn;Besök\r\nHemtjänst Söder;2025;4;72;;2200\r\n",
                StandardCharsets.UTF_16LE, true);

        HostileFiles.Run r = cli("denominators", f.toString(), "--db", db.toString());

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(one("SELECT visits FROM unit_denominator")).isEqualTo("2200");
    }

    @Test
    void aUnitAndMonthTwiceIsAnErrorAndNothingIsWritten() throws Exception {
        Path f = write("dup.csv", "Enhet;År;Månad;Brukare;Vårddygn;Besök\nHemtjänst Söder;2025;3;71;;2100\n"
                + "Hemtjänst Söder;2025;4;70;;2000\nHemtjänst Söder;2025;3;99;;2500\n", StandardCharsets.UTF_8, false);

        HostileFiles.Run r = cli("denominators", f.toString(), "--db", db.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("Rad 4").contains("finns redan på rad 2").contains("Inget skrevs");
        assertThat(one("SELECT count(*) FROM unit_denominator")).isEqualTo("0");
    }

    @Test
    void controlCharactersAreShownEscapedOnTheTerminal() throws Exception {
        Path f = write("esc.csv", "Enhet;År;Månad;Brukare;Vårddygn;Besök\n\u001B[2J\u001B]0;pwned\u0007Okänd;2025;3;1;;\n",
                StandardCharsets.UTF_8, false);

        HostileFiles.Run r = cli("denominators", f.toString(), "--db", db.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).doesNotContain("\u001B").doesNotContain("\u0007").contains("\\e[2J");
    }

    @Test
    void importedTextHasNoControlCharactersAndOurFormulaApostropheIsTakenOff() throws Exception {
        Path f = write("dev.csv", HEADER + "\nT1;2025-01-10;Hemtjänst Söder;Kvalitetsavvikelse;Bemötande;"
                + "'=SUMMA(A1)\u001B[31m;Undersköterska;\"Rad ett\u0001\nRad två\tmed tabb\"\n", StandardCharsets.UTF_8, false);

        HostileFiles.Run r = cli("import", "deviations", f.toString(), "--db", db.toString());

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(one("SELECT title FROM deviation WHERE external_id = 'T1'")).isEqualTo("=SUMMA(A1)[31m");
        assertThat(one("SELECT description FROM deviation WHERE external_id = 'T1'"))
                .isEqualTo("Rad ett\nRad två\tmed tabb");
    }
}

package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;

/**
 * The privacy check on import (issue 13): each finding reported per row and field; under "refuse" the file is
 * rejected with exit 3 and nothing written, even with --skip-invalid. Lex Sarah in an LSS unit imports as LSS.
 */
class ImportPrivacyTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Beskrivning;Rapportör";

    @TempDir
    Path dir;
    Path db;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void database() {
        db = dir.resolve("k.db");
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            Long lss = ctx.organisation().businessAreas().stream().filter(a -> a.code().equals("LSS")).findFirst()
                    .orElseThrow().id();
            Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, adm.id(), "Gruppbostad Lärkan", OrgLevel.ENHET, lss, ProviderKind.KOMMUNAL,
                    null, null, null));
        }
    }

    private void policy(PrivacyPolicy.Mode mode) {
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            ctx.privacy().savePolicy(PrivacyPolicy.warnEverywhere().with(PrivacyPolicy.TextKind.IMPORT, mode));
        }
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private long count() {
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            return ctx.deviations().count(DeviationFilter.all(), ctx.today());
        }
    }

    private Path file() throws Exception {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, HEADER + "\n"
                + "1;2025-01-10;Gruppbostad Lärkan;Lex Sarah;Bemötande;Anna Andersson föll i badrummet;Ingen skada;Stödassistent\n"
                + "2;2025-01-11;Gruppbostad Lärkan;Kvalitetsavvikelse;Bemötande;Larmet dröjde;Gäller 19121212\u20131212;Stödassistent\n"
                + "3;2025-01-12;Gruppbostad Lärkan;Kvalitetsavvikelse;Bemötande;Larmet dröjde igen;Inget att notera;Stödassistent\n",
                StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void underWarnEachFindingIsReportedPerRowAndTheRowsImport() throws Exception {
        assertThat(run("deviations", file().toString(), "--db", db.toString())).isZero();
        assertThat(out.toString()).contains("2 varningar")
                .containsPattern("[Rr]ad 2.*Rubrik.*\\[namn borttaget\\].*ser ut som namn")
                .containsPattern("[Rr]ad 3.*Beskrivning.*ser ut som personnummer");
        // The report travels: it says where, not what.
        assertThat(out.toString()).doesNotContain("1212\u20131212", "Anna Andersson");
        assertThat(count()).isEqualTo(3);
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            long id = ctx.deviations().findByExternal("export", "1").orElseThrow();
            assertThat(ctx.deviations().find(id).orElseThrow().law()).as("lex Sarah in an LSS unit").isEqualTo(Law.LSS);
        }
    }

    @Test
    void underRefuseTheFileIsRejectedWithExitThreeAndNothingWritten() throws Exception {
        policy(PrivacyPolicy.Mode.REFUSE);
        assertThat(run("deviations", file().toString(), "--db", db.toString(), "--skip-invalid"))
                .isEqualTo(ExitCodes.REJECTED);
        assertThat(err.toString() + out.toString()).contains("integritetsinställningen")
                .containsPattern("[Rr]ad 2.*Rubrik.*innehåller namn");
        assertThat(count()).isZero();
    }
}

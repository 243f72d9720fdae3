package se.kvalitetshjulet.cli;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** Exports never identify by accident (issue 13): titles under --include-text, every form masked, names on request. */
class ExportMaskingTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void database() {
        db = dir.resolve("x.db");
        try (AppContext ctx = new AppContext(Database.open(db), TestDb.clock())) {
            Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            Unit u = ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            long cat = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
            ctx.deviations().save(new Deviation(null, null, DeviationKind.KVALITETSAVVIKELSE, Law.SOL, u.id(), cat,
                    DeviationStatus.REGISTRERAD, TestDb.TODAY, TestDb.TODAY, TestDb.TODAY, null, null, "Undersköterska",
                    "Anna Andersson föll i badrummet",
                    "Gäller 19121212\u20131212, 1912 12 12-1212 och 121212-1213; ring 070-123 45 67.",
                    "=HYPERLINK(\"x\")", "", "", List.of(), null, false, null, null, null, null));
        }
    }

    private String export(String... flags) throws Exception {
        Path out = dir.resolve("ut.csv");
        CommandLine cl = RootCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new java.util.ArrayList<>(List.of("export", "deviations", "--out", out.toString(),
                "--db", db.toString()));
        args.addAll(List.of(flags));
        assertThat(cl.execute(args.toArray(String[]::new))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void withoutFreeTextTheTitleStaysHomeToo() throws Exception {
        String csv = export();
        assertThat(csv).doesNotContain("Anna Andersson", "Rubrik", "1212");
    }

    @Test
    void withFreeTextEveryIdentityNumberFormIsMaskedAndFormulasStayNeutral() throws Exception {
        String csv = export("--include-text");
        assertThat(csv).contains("Rubrik", "Anna Andersson föll i badrummet");
        assertThat(csv).doesNotContain("1212\u20131212", "1912 12 12-1212", "121212-1213");
        assertThat(csv).contains("[personnummer borttaget]");
        assertThat(csv).contains("'=HYPERLINK");
    }

    @Test
    void namesPhoneNumbersAndAddressesAreMaskedOnRequest() throws Exception {
        String csv = export("--include-text", "--mask-names");
        assertThat(csv).doesNotContain("Anna Andersson", "070-123 45 67");
        assertThat(csv).contains("[namn borttaget] föll i badrummet", "[telefonnummer borttaget]");
    }
}

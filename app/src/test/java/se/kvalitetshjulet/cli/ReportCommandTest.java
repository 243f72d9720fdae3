package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.Period;

/** {@code report annual|tertial ... --db PATH}: writes the file, refuses a bad tertial with the usage exit code. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void annualXlsxIsWrittenAndATertialOutsideOneToThreeIsAUsageError() throws Exception {
        Path db = dir.resolve("r.db");
        assertThat(run("demo", "--db", db.toString()).code()).isZero();
        int year = LocalDate.now().getYear() - 1;
        Path out = dir.resolve("kvalitetsberattelse.xlsx");
        Run r = run("report", "annual", "--year", Integer.toString(year), "--format", "xlsx", "--out", out.toString(),
                "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Rapporten skrevs till");
        long total;
        try (AppContext ctx = new AppContext(Database.open(db), Clock.systemDefaultZone())) {
            Period p = Period.year(year);
            total = ctx.deviations().count(DeviationFilter.all().withPeriod(p.start(), p.end()), ctx.today());
        }
        assertThat(total).isPositive();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).contains("Avvikelser", "Nyckeltal");
            assertThat((long) wb.getSheet("Nyckeltal").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(total);
        }

        Path bad = dir.resolve("t4.pdf");
        Run badTertial = run("report", "tertial", "--year", Integer.toString(year), "--tertial", "4", "--format", "pdf",
                "--out", bad.toString(), "--db", db.toString());
        assertThat(badTertial.code()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(badTertial.err()).contains("--tertial 1, 2 eller 3");
        assertThat(bad).doesNotExist();

        // Counted by decision date when asked, and the report says so; an unknown rule is a usage error.
        Path byDecision = dir.resolve("bedomningsdatum.docx");
        Run assessed = run("report", "annual", "--year", Integer.toString(year), "--count-by", "assessed", "--out",
                byDecision.toString(), "--db", db.toString());
        assertThat(assessed.code()).as(assessed.err()).isZero();
        try (InputStream in = Files.newInputStream(byDecision);
             var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Avvikelserna räknas efter bedömningsdatum")
                    .contains("Lex Sarah: anmälningar till IVO under " + year + ": ");
        }
        Run unknown = run("report", "annual", "--year", Integer.toString(year), "--count-by", "beslut", "--out",
                dir.resolve("x.docx").toString(), "--db", db.toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--count-by registered", "--count-by assessed");
        assertThat(dir.resolve("x.docx")).doesNotExist();
    }
}

package se.kvalitetshjulet.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/** {@code export deviations --out FILE.csv|FILE.xlsx [--year Y] [--include-text] [--mask-names] --db PATH}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Exporterar registerdata till CSV eller XLSX.")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "Vad som exporteras: deviations.")
    String what;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil, .csv eller .xlsx.")
    Path out;

    @Option(names = "--year", paramLabel = "Y", description = "Bara avvikelser registrerade detta år.")
    Integer year;

    @Option(names = "--include-text", description = "Ta med fritext (rubrik, beskrivning, fakta, IVO:s beslut …). "
            + "Personnummer maskeras alltid.")
    boolean includeText;

    @Option(names = "--mask-names", description = "Maskera också namn, telefonnummer och adresser i fritexten.")
    boolean maskNames;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!"deviations".equals(what)) {
            spec.commandLine().getErr().println("Okänt exportobjekt '" + what + "'. Använd: export deviations --out FIL");
            return ExitCodes.USAGE;
        }
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            spec.commandLine().getErr().println("Målfilen måste sluta på .csv eller .xlsx.");
            return ExitCodes.USAGE;
        }
        try (AppContext ctx = db.openForReading()) {
            DeviationFilter f = DeviationFilter.all();
            if (year != null) {
                f = f.withPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            long n = ctx.deviationExporter().export(f, out, includeText, maskNames, ctx.today(), (p, m) -> { },
                    () -> false);
            spec.commandLine().getOut().printf("%d avvikelser exporterade till %s%n", n, out);
            PlainFileNotice.warn(spec.commandLine().getErr(), ctx, out);
            return ExitCodes.OK;
        }
    }
}

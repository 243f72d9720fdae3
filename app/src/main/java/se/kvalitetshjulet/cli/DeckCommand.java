package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.export.DeckExporter;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.ui.trend.TrendChartFactory;

/**
 * {@code deck export [--council ID|NAME] --out FILE.pptx|FILE.pdf}: a quality council's mötesbilder with today's
 * data as PowerPoint (one chart per slide, the signal text in the speaker notes) or as a PDF handout — the same
 * charts, drawn the same way, as the chart screen and presentation mode show (decision 14).
 */
@Command(name = "deck", mixinStandardHelpOptions = true,
        description = "Mötesbilder (ett kvalitetsråds diagram) som PowerPoint eller PDF-utdelningsblad.",
        subcommands = {DeckCommand.Export.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel (t.ex. inga mötesbilder)", "2:felaktig användning"})
public final class DeckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Skriver mötesbilderna med dagens siffror till en PowerPoint-fil (.pptx: ett diagram per "
                    + "bild, bedömningen på bilden, hela signaltexten i anteckningarna) eller ett PDF-utdelningsblad "
                    + "(.pdf: ett eller två diagram per sida). Utan --council: standardbilderna.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--council", paramLabel = "ID|NAME",
                description = "Kvalitetsrådets enhet: id, namn eller sökväg (utan: standardbilderna). Ett råd utan "
                        + "egna bilder visar standardbilderna, som i presentationsläget.")
        String council;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil (.pptx eller .pdf).")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (DeckExporter.Format.ofFileName(out.getFileName().toString()) == null) {
                err.println("Målfilen måste sluta på .pptx (PowerPoint) eller .pdf (utdelningsblad): " + out);
                return ExitCodes.USAGE;
            }
            Path dir = out.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                err.println("Mappen för " + out + " finns inte.");
                return ExitCodes.USAGE;
            }
            Locale sv = Locale.of("sv");
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", sv,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            try (AppContext ctx = db.openForReading()) {
                Long unit = null;
                String name = bundle.getString("trend.deck.default");
                if (council != null) {
                    unit = ServerCommand.resolveUnit(ctx.organisation().tree(), council, err);
                    if (unit == null) {
                        return ExitCodes.USAGE;
                    }
                    String unitName = ctx.organisation().tree().find(unit).map(u -> u.name()).orElse(council);
                    name = se.kvalitetshjulet.domain.NumberText.of(sv).message(bundle.getString("trend.deck.council"), sv, new Object[] {unitName});
                }
                ChartBuilder charts = ctx.chartBuilder(ChartTexts.of(bundle, sv));
                List<ChartData> list = charts.deck(unit, null);
                if (list.isEmpty()) {
                    err.println(bundle.getString("deck.export.empty"));
                    return ExitCodes.FAILURE;
                }
                long start = System.nanoTime();
                new DeckExporter(bundle, TrendChartFactory::render)
                        .write(new DeckExporter.Deck(name, ctx.today(), list), out, () -> false);
                spec.commandLine().getOut().printf("%s: %d diagram skrevs till %s (%d ms)%n", name, list.size(), out,
                        (System.nanoTime() - start) / 1_000_000);
                for (ChartData c : list) {
                    spec.commandLine().getOut().println("  " + c.title() + (DeckExporter.verdict(c) == null ? ""
                            : " — " + DeckExporter.verdict(c)));
                }
                PlainFileNotice.warn(err, ctx, out);
                return ExitCodes.OK;
            }
        }
    }
}

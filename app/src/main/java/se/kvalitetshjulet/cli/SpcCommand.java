package se.kvalitetshjulet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.InvalidSpcRequestException;
import se.kvalitetshjulet.domain.spc.RunsAnalysis;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcMessages;
import se.kvalitetshjulet.domain.spc.SpcPart;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;

/**
 * {@code spc}: computes a run chart or control chart from numbers on the command line and prints
 * the points, lines and signals, as an aligned table or as JSON.
 *
 * <p>It exists so that a quality developer can check a chart against qicharts2 (or script the
 * engine) without starting the desktop application; it therefore touches neither JavaFX nor the
 * database ({@code --db} is accepted only because every command of the application takes it).
 *
 * <p>Exit codes ({@link ExitCodes}): 0 ok, 2 usage error (bad option or values, explained on stderr),
 * 1 failure.
 */
@Command(name = "spc", mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Beräknar ett seriediagram eller styrdiagram (som R-paketet qicharts2) och skriver ut "
                    + "punkter, centrallinje, styrgränser, signaler och serieanalys.",
            "Index i --freeze, --part och --exclude räknas från 1."
        })
public final class SpcCommand implements Callable<Integer> {
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String MISSING = "NA";
    private static final String NOT_AVAILABLE = "–";

    @Spec
    private CommandSpec spec;

    @Option(names = "--chart", required = true, paramLabel = "TYP",
            description = "Diagramtyp: run, i, ip, mr, c, u, p, pp, up, g (antal mellan händelser) eller "
                    + "t (dagar mellan händelser).")
    private String chartCode;

    @Option(names = "--values", required = true, split = ",", paramLabel = "V",
            description = "Värden (täljare för u, p, pp och up), kommaseparerade med punkt som "
                    + "decimaltecken; NA för ett saknat värde.")
    private List<String> values;

    @Option(names = "--denominators", split = ",", paramLabel = "N",
            description = "Nämnare, en per värde; krävs för u, p, pp och up, valfritt för run, i och ip.")
    private List<String> denominators;

    @Option(names = "--freeze", paramLabel = "K",
            description = "Beräkna centrallinje och gränser från de K första punkterna (baslinje).")
    private Integer freeze;

    @Option(names = "--part", split = ",", paramLabel = "K",
            description = "Börja en ny del efter punkt K (t.ex. när en ny rutin infördes).")
    private List<Integer> partBreaks;

    @Option(names = "--exclude", split = ",", paramLabel = "I",
            description = "Punkter som visas men inte används i beräkningarna.")
    private List<Integer> excluded;

    @Option(names = "--screen-mr",
            description = "Uteslut glidande variationsvidder ≥ 3,267 × medelvärdet (i-, ip-, t-, pp- och "
                    + "up-diagram). Förval, som när qicharts2 laddas med library(qicharts2).")
    private boolean screenMovingRanges;

    @Option(names = "--no-screen-mr",
            description = "Använd alla glidande variationsvidder (qicharts2 med options(qic.screenedmr = FALSE)).")
    private boolean noScreenMovingRanges;

    @Option(names = "--json", description = "Skriv resultatet som JSON.")
    private boolean json;

    /** Accepted like on every other command; the engine needs no database. */
    @Option(names = "--db", paramLabel = "PATH", description = "Databasfil (används inte av detta kommando).")
    private Path db;

    private final Locale locale;

    /** Texts in the application's language: Swedish unless English was chosen. */
    public SpcCommand() {
        this(SpcMessages.applicationLocale());
    }

    /** For callers (and tests) that want the texts in a given language. */
    public SpcCommand(Locale locale) {
        this.locale = locale;
    }

    @Override
    public Integer call() {
        SpcMessages messages = SpcMessages.forLocale(locale);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ChartType chart = ChartType.fromCode(chartCode)
                    .orElseThrow(() -> new UsageException(messages.get("cli.error.chart", chartCode)));
            if (screenMovingRanges && noScreenMovingRanges) {
                throw new UsageException(messages.get("cli.error.screening"));
            }
            boolean screen = noScreenMovingRanges ? false : SpcRequest.QICHARTS2_SCREENING;
            SpcRequest request = new SpcRequest(chart,
                    parseNumbers("--values", values, messages),
                    denominators == null ? List.of() : parseNumbers("--denominators", denominators, messages),
                    freeze == null ? OptionalInt.empty() : OptionalInt.of(freeze),
                    partBreaks, excluded, screen);
            SpcResult result = SpcEngine.compute(request);
            List<List<String>> explanations = new SignalExplainer(locale).explainAll(result);
            out.print(json ? toJson(request, result, explanations)
                    : toTable(request, result, explanations, messages));
            out.flush();
            return ExitCodes.OK;
        } catch (UsageException e) {
            return usageError(err, messages.get("cli.error", e.getMessage()));
        } catch (InvalidSpcRequestException e) {
            return usageError(err, messages.get("cli.error", e.message(locale)));
        }
        // Anything else is a bug: it propagates to picocli's execution exception handler, which
        // reports it and exits with 1 (ExitCodes.FAILURE).
    }

    private static int usageError(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static List<Double> parseNumbers(String option, List<String> texts, SpcMessages messages) {
        List<Double> numbers = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).trim();
            if (text.isEmpty()) {
                throw new UsageException(messages.get("cli.error.emptyNumber", option, i + 1));
            }
            if (text.equalsIgnoreCase(MISSING)) {
                numbers.add(Double.NaN);
            } else if (DECIMAL_NUMBER.matcher(text).matches()) {
                numbers.add(Double.parseDouble(text));
            } else {
                throw new UsageException(messages.get("cli.error.number", option, i + 1, texts.get(i)));
            }
        }
        return numbers;
    }

    // ---- text table -------------------------------------------------------------------------

    private static String toTable(SpcRequest request, SpcResult result, List<List<String>> explanations,
                                  SpcMessages messages) {
        int decimals = decimalsFor(result);
        StringBuilder sb = new StringBuilder();
        sb.append(messages.get("cli.chart", messages.get("cli.chart." + result.chart().code()))).append('\n');
        if (usesScreening(result.chart())) {
            sb.append(messages.get("cli.screening", request.screenMovingRanges() ? 1 : 0)).append('\n');
        }
        sb.append('\n');

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get("cli.col.index"), messages.get("cli.col.part"),
            messages.get("cli.col.value"), messages.get("cli.col.centre"), messages.get("cli.col.lower"),
            messages.get("cli.col.upper"), messages.get("cli.col.signal")});
        for (SpcPoint p : result.points()) {
            List<String> signals = new ArrayList<>();
            if (p.outside()) {
                signals.add(messages.get("cli.signal.outside"));
            }
            if (p.runsSignal()) {
                signals.add(messages.get("cli.signal.runs"));
            }
            if (p.excluded()) {
                signals.add(messages.get("cli.point.excluded"));
            }
            rows.add(new String[] {Integer.toString(p.index()), Integer.toString(p.part()),
                number(p.value(), decimals), number(p.centreLine(), decimals), number(p.lowerLimit(), decimals),
                number(p.upperLimit(), decimals), String.join(", ", signals)});
        }
        appendTable(sb, rows);

        sb.append('\n').append(messages.get("cli.runs.title")).append('\n');
        List<String[]> runRows = new ArrayList<>();
        runRows.add(new String[] {messages.get("cli.col.part"), messages.get("cli.runs.col.useful"),
            messages.get("cli.runs.col.longest"), messages.get("cli.runs.col.longestLimit"),
            messages.get("cli.runs.col.crossings"), messages.get("cli.runs.col.crossingsLimit"),
            messages.get("cli.runs.col.signal")});
        for (SpcPart part : result.parts()) {
            RunsAnalysis r = part.runs();
            runRows.add(new String[] {Integer.toString(part.number()), Integer.toString(r.nUseful()),
                integer(r.longestRun()), integer(r.longestRunLimit()), integer(r.crossings()),
                integer(r.crossingsLimit()), messages.get(r.signal() ? "cli.yes" : "cli.no")});
        }
        appendTable(sb, runRows);

        sb.append('\n').append(messages.get("cli.explanations.title")).append('\n');
        for (int i = 0; i < explanations.size(); i++) {
            String prefix = result.parts().size() > 1 ? messages.get("cli.part", i + 1) + ": " : "";
            for (String sentence : explanations.get(i)) {
                sb.append("  ").append(prefix).append(sentence).append('\n');
            }
        }
        return sb.toString();
    }

    /** The chart types whose limits come from (screenable) moving ranges. */
    static boolean usesScreening(ChartType chart) {
        return switch (chart) {
            case I, IP, T, PP, UP -> true;
            default -> false;
        };
    }

    /** Right-aligns every column but the last, which holds free text. */
    private static void appendTable(StringBuilder sb, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                boolean last = c == columns - 1;
                String padding = " ".repeat(widths[c] - row[c].length());
                line.append(last ? row[c] : padding + row[c]);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Enough decimals to show about four significant digits of the largest number in the table. */
    private static int decimalsFor(SpcResult result) {
        double max = 0;
        for (SpcPoint p : result.points()) {
            for (double x : new double[] {p.value(), p.centreLine(), p.lowerLimit(), p.upperLimit()}) {
                if (Double.isFinite(x)) {
                    max = Math.max(max, Math.abs(x));
                }
            }
        }
        if (max == 0) {
            return 2;
        }
        int magnitude = (int) Math.floor(Math.log10(max));
        return Math.clamp(3 - magnitude, 2, 8);
    }

    private static String number(double x, int decimals) {
        return Double.isNaN(x) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    private static String integer(Integer i) {
        return i == null ? NOT_AVAILABLE : i.toString();
    }

    // ---- JSON -------------------------------------------------------------------------------

    private static String toJson(SpcRequest request, SpcResult result, List<List<String>> explanations) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("chart", result.chart().code());
        if (request.freeze().isPresent()) {
            root.put("freeze", request.freeze().getAsInt());
        } else {
            root.putNull("freeze");
        }
        ArrayNode breaks = root.putArray("partBreaks");
        request.partBreaks().forEach(breaks::add);
        ArrayNode excludedNode = root.putArray("excluded");
        request.excluded().forEach(excludedNode::add);
        root.put("screenMr", request.screenMovingRanges());

        ArrayNode points = root.putArray("points");
        for (SpcPoint p : result.points()) {
            ObjectNode node = points.addObject();
            node.put("index", p.index());
            node.put("part", p.part());
            putNumber(node, "value", p.value());
            putNumber(node, "centreLine", p.centreLine());
            putNumber(node, "lowerLimit", p.lowerLimit());
            putNumber(node, "upperLimit", p.upperLimit());
            node.put("outside", p.outside());
            node.put("runsSignal", p.runsSignal());
            node.put("excluded", p.excluded());
            node.put("baseline", p.baseline());
        }

        ArrayNode parts = root.putArray("parts");
        for (SpcPart part : result.parts()) {
            RunsAnalysis r = part.runs();
            ObjectNode node = parts.addObject();
            node.put("part", part.number());
            node.put("firstIndex", part.firstIndex());
            node.put("lastIndex", part.lastIndex());
            putNumber(node, "centreLine", part.centreLine());
            node.put("pointsOutside", part.pointsOutside());
            ObjectNode runs = node.putObject("runs");
            runs.put("nUseful", r.nUseful());
            runs.put("longestRun", r.longestRun());
            if (r.longestRunSide() == null) {
                runs.putNull("longestRunSide");
            } else {
                runs.put("longestRunSide", r.longestRunSide().name().toLowerCase(Locale.ROOT));
            }
            runs.put("longestRunLimit", r.longestRunLimit());
            runs.put("crossings", r.crossings());
            runs.put("crossingsLimit", r.crossingsLimit());
            runs.put("signal", r.signal());
            ArrayNode texts = node.putArray("explanations");
            explanations.get(part.number() - 1).forEach(texts::add);
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putNumber(ObjectNode node, String field, double x) {
        if (Double.isNaN(x)) {
            node.putNull(field);
        } else {
            node.put(field, x);
        }
    }

    /** A problem with the command line input found after picocli has parsed it. */
    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

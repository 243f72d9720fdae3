package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The {@code spc} command: parsing, exit codes and both output formats. The numbers are the
 * hand-derived ones of {@code SpcEngineTest}; here they check that the command passes the options
 * through correctly and prints what the engine computed.
 */
class SpcCommandTest {
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(Locale locale, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SpcCommand(locale));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(SWEDISH, args);
    }

    @Test
    void runChartAsTable() {
        // Baseline median of 3 5 4 6 5 4 is 4.5; 8 points in a row above it, limit 7 for n = 14;
        // 5 crossings, at least 4 expected.
        Run r = run("--chart", "run", "--values", "3,5,4,6,5,4,7,8,6,7,9,8,7,6", "--freeze", "6");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Diagram: seriediagram (run)\n");
        assertThat(r.out()).contains(
                " #  Del  Värde     CL  LCL  UCL  Signal\n",
                " 7    1  7.000  4.500    –    –  seriesignal\n",
                "Del  Användbara  Längsta serie  Gräns  Korsningar  Minst  Signal\n",
                "  1          14              8      7           5      4  ja\n",
                "  8 punkter i rad över medianen (gräns 7): trolig verklig förändring\n");
    }

    @Test
    void pChartAsJson() throws Exception {
        // CL = 41/116; point 3 (14/20 = 0.7) is above its UCL 0.674127503; the n = 2 point has its
        // UCL clipped to 1 and its LCL to 0. Runs vs 0.3534: + + + - + - -> n 6, longest 3,
        // crossings 3; limits 6 and 1.
        Run r = run("--chart", "p", "--values", "1,5,14,10,2,9", "--denominators", "2,10,20,50,4,30", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("chart").asText()).isEqualTo("p");
        JsonNode points = json.get("points");
        assertThat(points).hasSize(6);
        assertThat(points.get(0).get("value").asDouble()).isEqualTo(0.5);
        assertThat(points.get(0).get("upperLimit").asDouble()).isEqualTo(1.0);
        assertThat(points.get(0).get("lowerLimit").asDouble()).isEqualTo(0.0);
        assertThat(points.get(2).get("centreLine").asDouble()).isCloseTo(41.0 / 116, within(1e-12));
        assertThat(points.get(2).get("upperLimit").asDouble()).isCloseTo(0.674127502611308, within(1e-12));
        assertThat(points.get(2).get("lowerLimit").asDouble()).isCloseTo(0.03276904911282991, within(1e-12));
        assertThat(points.get(2).get("outside").asBoolean()).isTrue();
        assertThat(points.get(3).get("outside").asBoolean()).isFalse();

        JsonNode runs = json.get("parts").get(0).get("runs");
        assertThat(runs.get("nUseful").asInt()).isEqualTo(6);
        assertThat(runs.get("longestRun").asInt()).isEqualTo(3);
        assertThat(runs.get("longestRunLimit").asInt()).isEqualTo(6);
        assertThat(runs.get("crossings").asInt()).isEqualTo(3);
        assertThat(runs.get("crossingsLimit").asInt()).isEqualTo(1);
        assertThat(runs.get("signal").asBoolean()).isFalse();
        assertThat(json.get("parts").get(0).get("explanations").get(0).asText())
                .isEqualTo("1 punkt utanför styrgränserna: särskild orsak bör utredas");
    }

    @Test
    void undefinedNumbersAreJsonNulls() throws Exception {
        Run r = run("--chart", "run", "--values", "1,NA,3", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode point = r.json().get("points").get(1);
        assertThat(point.get("value").isNull()).isTrue();
        assertThat(point.get("lowerLimit").isNull()).isTrue();
        assertThat(point.get("upperLimit").isNull()).isTrue();
        assertThat(point.get("centreLine").asDouble()).isEqualTo(2.0);
    }

    @Test
    void screeningNarrowsTheIndividualsLimits() throws Exception {
        String values = "10,12,11,13,12,30,12,11,13,12";
        // Unscreened: 13.6 + 3 (46/9) / 1.128; screened: the two MRs of 18 go, 13.6 + 3 (10/7) / 1.128.
        double plain = run("--chart", "i", "--values", values, "--no-screen-mr", "--json").json()
                .get("points").get(0).get("upperLimit").asDouble();
        double screened = run("--chart", "i", "--values", values, "--screen-mr", "--json").json()
                .get("points").get(0).get("upperLimit").asDouble();
        JsonNode byDefault = run("--chart", "i", "--values", values, "--json").json();
        assertThat(plain).isCloseTo(27.193380614657208, within(1e-12));
        assertThat(screened).isCloseTo(17.39939209726444, within(1e-12));
        // Without either flag: what library(qicharts2) gives, screened.
        assertThat(byDefault.get("screenMr").asBoolean()).isTrue();
        assertThat(byDefault.get("points").get(0).get("upperLimit").asDouble())
                .isCloseTo(17.39939209726444, within(1e-12));
        assertThat(run("--chart", "i", "--values", values).out()).contains("Screening av glidande variationsvidder: på");
        Run both = run("--chart", "i", "--values", values, "--screen-mr", "--no-screen-mr");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--no-screen-mr");
    }

    @Test
    void rareEventChartsFromTheCommandLine() throws Exception {
        // The hand-derived cases of RareEventChartsTest.
        JsonNode g = run("--chart", "g", "--values", "3,10,0,25,7,14,2,40", "--json").json();
        assertThat(g.get("points").get(0).get("centreLine").asDouble()).isEqualTo(8.5);
        assertThat(g.get("points").get(0).get("upperLimit").asDouble()).isCloseTo(51.971418197848706, within(1e-9));
        JsonNode t = run("--chart", "t", "--values", "28,35,30,26,33,31,29,34,2,30", "--json").json();
        assertThat(t.get("points").get(0).get("lowerLimit").asDouble()).isCloseTo(16.076112351879114, within(1e-9));
        assertThat(t.get("points").get(8).get("outside").asBoolean()).isTrue();
        JsonNode ip = run("--chart", "ip", "--values", "3,5,2,8,4,30", "--denominators", "100,250,80,300,120,200",
                "--no-screen-mr", "--json").json();
        assertThat(ip.get("points").get(0).get("lowerLimit").asDouble()).isCloseTo(-0.04137430281228664, within(1e-9));
        Run table = run("--chart", "t", "--values", "28,35,30,26,33,31,29,34,2,30");
        assertThat(table.out()).startsWith("Diagram: T-diagram (tid mellan sällsynta händelser)\n");
        Run zero = run("--chart", "t", "--values", "5,0,3");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("punkt 2", "större än 0");
    }

    @Test
    void partsAndExcludedPointsArePassedThrough() throws Exception {
        JsonNode json = run("--chart", "c", "--values", "5,6,4,7,5,6,2,1,3,2,1,2", "--part", "6",
                "--exclude", "1,12", "--json").json();

        assertThat(json.get("partBreaks").toString()).isEqualTo("[6]");
        assertThat(json.get("excluded").toString()).isEqualTo("[1,12]");
        JsonNode parts = json.get("parts");
        assertThat(parts).hasSize(2);
        // Part 1 without point 1: (6 + 4 + 7 + 5 + 6) / 5 = 5.6; part 2 without point 12: 9/5 = 1.8.
        assertThat(parts.get(0).get("centreLine").asDouble()).isCloseTo(5.6, within(1e-12));
        assertThat(parts.get(1).get("centreLine").asDouble()).isCloseTo(1.8, within(1e-12));
        assertThat(parts.get(1).get("firstIndex").asInt()).isEqualTo(7);
        assertThat(json.get("points").get(0).get("excluded").asBoolean()).isTrue();
        assertThat(json.get("points").get(11).get("part").asInt()).isEqualTo(2);
    }

    @Test
    void negativeAndMissingValuesAndTheDbOptionAreAccepted() throws Exception {
        Run r = run("--db", "/no/such/dir/kvalitetshjulet.db", "--chart", "I", "--values", "-1.5,NA,2.5,1e1", "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode points = r.json().get("points");
        assertThat(points.get(0).get("value").asDouble()).isEqualTo(-1.5);
        assertThat(points.get(1).get("value").isNull()).isTrue();
        assertThat(points.get(3).get("value").asDouble()).isEqualTo(10.0);
    }

    @Test
    void englishTexts() {
        Run r = run(Locale.ENGLISH, "--chart", "c", "--values", "2,0,1,3,1,0,2,1,9,1");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Chart: C chart (counts)", "Runs analysis (Anhøj rules)",
                "1 point outside the control limits: a special cause should be investigated");
    }

    @Test
    void defaultLanguageIsSwedishAndEnglishIsChosenLikeInTheRestOfTheApplication() {
        String before = System.getProperty("kvalitetshjulet.lang");
        try {
            System.setProperty("kvalitetshjulet.lang", "sv");
            assertThat(runDefault("--chart", "c", "--values", "1,2").out()).startsWith("Diagram: C-diagram (antal)");
            System.setProperty("kvalitetshjulet.lang", "en");
            assertThat(runDefault("--chart", "c", "--values", "1,2").out()).startsWith("Chart: C chart (counts)");
        } finally {
            if (before == null) {
                System.clearProperty("kvalitetshjulet.lang");
            } else {
                System.setProperty("kvalitetshjulet.lang", before);
            }
        }
    }

    private static Run runDefault(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SpcCommand());
        cli.setOut(new PrintWriter(out, true));
        return new Run(cli.execute(args), out.toString(), "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "u without denominators | --chart u --values 1,2,3 | Fel: Diagramtyp u kräver en nämnare för varje värde",
        "length mismatch | --chart p --values 1,2,3 --denominators 5,5 | "
                + "Fel: Antalet nämnare (2) är inte samma som antalet värden (3)",
        "not a number | --chart i --values 1,tolv,3 | Fel: Ogiltigt tal i --values, position 2: \"tolv\"",
        "hex is not a decimal number | --chart i --values 1,0x10 | Fel: Ogiltigt tal i --values, position 2: \"0x10\"",
        "bad denominator | --chart u --values 1,2 --denominators 5,abc | "
                + "Fel: Ogiltigt tal i --denominators, position 2: \"abc\"",
        "empty value | --chart i --values 1,,3 | Fel: Tomt värde i --values, position 2 (skriv NA för ett saknat värde)",
        "unknown chart | --chart xbar --values 1,2 | "
                + "Fel: Okänd diagramtyp \"xbar\"; välj run, i, ip, mr, c, u, p, pp, up, g eller t",
        "zero denominator | --chart u --values 1,2 --denominators 5,0 | "
                + "Fel: Nämnaren i punkt 2 måste vara större än 0 (är 0)",
        "excluded point out of range | --chart i --values 1,2,3 --exclude 4 | "
                + "Fel: Punkt 4 finns inte; punkterna är numrerade 1 till 3",
        "freeze and part | --chart i --values 1,2,3,4 --freeze 2 --part 2 | "
                + "Fel: Baslinje (freeze) och delar (part) kan inte kombineras",
        "freeze too large | --chart i --values 1,2,3 --freeze 4 | "
                + "Fel: Baslinjen måste omfatta mellan 1 och 3 punkter (angivet: 4)",
        "part at the end | --chart run --values 1,2,3 --part 3 | "
                + "Fel: En ny del kan bara börja efter punkt 1 till 2 (angivet: 3)",
        "denominators on a c chart | --chart c --values 1,2 --denominators 3,4 | "
                + "Fel: Diagramtyp c använder inga nämnare; välj u-diagram för antal per nämnare",
    })
    void usageErrorsExitWithTwoAndAMessage(String name, String args, String message) {
        Run r = run(args.trim().split(" "));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown option | --chart i --values 1,2 --bogus | Unknown option: '--bogus'",
        "missing values | --chart i | Missing required option: '--values=V'",
        "missing chart | --values 1,2 | Missing required option: '--chart=TYP'",
        "freeze not an integer | --chart i --values 1,2 --freeze abc | "
                + "Invalid value for option '--freeze': 'abc' is not an int",
        "exclude not an integer | --chart i --values 1,2 --exclude 1.5 | "
                + "Invalid value for option '--exclude' (I): '1.5' is not an int",
    })
    void parseErrorsFromPicocliExitWithTwo(String name, String args, String firstLine) {
        Run r = run(args.trim().split(" "));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(firstLine);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpExitsWithZero() {
        Run r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: spc", "--chart=TYP", "--screen-mr", "--db=PATH");
    }
}

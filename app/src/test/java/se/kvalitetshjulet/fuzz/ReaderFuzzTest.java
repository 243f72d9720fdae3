package se.kvalitetshjulet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.SelfCheckHandoverJson;
import se.kvalitetshjulet.service.SelfCheckTemplateJson;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportOptions;
import se.kvalitetshjulet.service.imports.ImportResult;
import se.kvalitetshjulet.service.imports.RowError;
import se.kvalitetshjulet.service.imports.TabularReader;

/**
 * Jazzer fuzz targets for every reader of a file a user can be sent (issue 16, decision 16): deviation CSV and
 * XLSX, the hand-over files, template JSON, Kolada JSON, denominators and the user survey. The invariant: any input
 * is read, or refused with our own refusal (its type per reader) and a message in Swedish — never another
 * exception, never a technical message, never running out of memory.
 *
 * <p>In the normal test run each target runs only its seed inputs ({@code src/test/resources/se/kvalitetshjulet/
 * fuzz/ReaderFuzzTestInputs/<target>/}, among them every crash found so far); {@code ./mvnw test -Pfuzz
 * -Dtest='ReaderFuzzTest#csv'} fuzzes one target for five minutes (README, decision 16).
 */
class ReaderFuzzTest {
    /** Technical words that must never reach a user unless the file itself contained them. */
    private static final List<String> TECHNICAL = List.of("Exception", "java.", "se.kvalitetshjulet", "No enum constant",
            "could not be parsed", "out of bounds", "Unrecognized token", "Unexpected character", "For input string",
            "Cannot ", "Index ", "NaN", "Infinity", "com.fasterxml", "org.apache");
    private static final Pattern SWEDISH = Pattern.compile(".*[a-zåäöA-ZÅÄÖ]{2,}.*", Pattern.DOTALL);

    private static Path dir;
    private static AppContext ctx;

    @BeforeAll
    static void database() throws IOException {
        dir = Files.createTempDirectory("kvh-fuzz-");
        ctx = new AppContext(Database.open(dir.resolve("fuzz.db")), Clock.systemDefaultZone());
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL, null,
                null, null));
    }

    @AfterAll
    static void close() throws IOException {
        ctx.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path file(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    /** A refusal or error message a user reads: plain text, and nothing technical the file did not bring. */
    static void readable(String message, byte[] input) {
        assertThat(message).as("a message").isNotNull();
        assertThat(SWEDISH.matcher(message).matches()).as("words in: %s", message).isTrue();
        String in = new String(input, StandardCharsets.UTF_8) + new String(input, StandardCharsets.ISO_8859_1)
                + new String(input, StandardCharsets.UTF_16LE) + new String(input, StandardCharsets.UTF_16BE);
        for (String word : TECHNICAL) {
            if (message.contains(word) && !in.contains(word)) {
                throw new AssertionError("technical text \"" + word + "\" reached the user: " + message);
            }
        }
    }

    private static void tabular(String name, byte[] input) throws IOException {
        Path f = file(name, input);
        TabularReader reader;
        try {
            reader = TabularReader.open(f);
            reader.headers();
            reader.forEachRow((row, values) -> true);
        } catch (ImportFileException e) {
            readable(e.getMessage(), input);
            return;
        }
        // the whole deviation import, as a dry run (checks every row, writes nothing)
        ImportResult r = ctx.deviationImporter().run(f, ImportMapping.guess(reader.headers()),
                ImportOptions.of("fuzz", true), (a, b) -> { }, () -> false);
        for (RowError e : r.errors()) {
            readable(e.reason(), input);
        }
        r.notes().forEach(n -> readable(n, input));
    }

    @FuzzTest
    void csv(byte[] input) throws IOException {
        tabular("avvikelser.csv", input);
    }

    @FuzzTest
    void xlsx(byte[] input) throws IOException {
        tabular("avvikelser.xlsx", input);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * The same JSON with its SHA-256 checksum recomputed, as someone editing the file would do, so that the fuzzer
     * reaches the reading of what lies behind the checksum; {@code null} when the input is no JSON object.
     */
    static byte[] rechecked(byte[] input) {
        try {
            if (!(MAPPER.readTree(input) instanceof com.fasterxml.jackson.databind.node.ObjectNode root)) {
                return null;
            }
            var covered = root.deepCopy();
            covered.remove("checksum");
            String canonical = SORTED.writeValueAsString(SORTED.treeToValue(covered, Object.class));
            String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            root.putObject("checksum").put("algorithm", "SHA-256").put("value", sum);
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static void answers(byte[] input) throws IOException {
        Path f = file("svar.kvh-svar", input);
        try {
            SelfCheckHandoverJson.readAnswers(f);
        } catch (IllegalArgumentException e) {
            readable(e.getMessage(), input);
        }
        var result = ctx.selfCheckHandover().importAnswers(f, null);
        if (result.message() != null) {
            readable(result.message(), input);
        }
    }

    private static void form(byte[] input) throws IOException {
        Path f = file("formular.kvh-egenkontroll", input);
        try {
            SelfCheckHandoverJson.readForm(f);
        } catch (IllegalArgumentException e) {
            readable(e.getMessage(), input);
        }
    }

    @FuzzTest
    void answerFile(byte[] input) throws IOException {
        answers(input);
        byte[] behind = rechecked(input);
        if (behind != null) {
            answers(behind);
        }
    }

    @FuzzTest
    void formFile(byte[] input) throws IOException {
        form(input);
        byte[] behind = rechecked(input);
        if (behind != null) {
            form(behind);
        }
    }

    @FuzzTest
    void templateJson(byte[] input) throws IOException {
        Path f = file("mall.json", input);
        try {
            SelfCheckTemplateJson.read(f);
        } catch (IllegalArgumentException e) {
            readable(e.getMessage(), input);
        }
    }

    @FuzzTest
    void koladaJson(byte[] input) throws IOException {
        var r = ctx.keyFigures().koladaImporter().importFile(file("kolada.json", input), null);
        r.errors().forEach(e -> readable(e, input));
    }

    @FuzzTest
    void denominators(byte[] input) throws IOException {
        var r = new se.kvalitetshjulet.service.DenominatorImporter(ctx.database(), ctx.denominators(), ctx.organisation())
                .importCsv(file("namnare.csv", input));
        r.errors().forEach(e -> readable(e, input));
    }

    @FuzzTest
    void survey(byte[] input) throws IOException {
        var r = ctx.keyFigures().surveyImporter().importFile(file("enkat.csv", input), 2025, null, true);
        r.errors().forEach(e -> readable(e, input));
    }
}

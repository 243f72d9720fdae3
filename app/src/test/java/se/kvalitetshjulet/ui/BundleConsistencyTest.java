package se.kvalitetshjulet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;

/** Every key the code uses exists in Swedish, and English has exactly the Swedish keys. */
class BundleConsistencyTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:i18n\\.get|i18n\\.has|new Problem\\([^,]+,)\\s*\\(?\\s*\"([a-z][A-Za-z0-9_.]+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleConsistencyTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyUsedInCodeExistsInSwedish() throws IOException {
        Properties sv = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".") && !sv.containsKey(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but missing in messages.properties").isEmpty();
    }

    @Test
    void everyEnumShownToUsersHasAName() throws IOException {
        Properties sv = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (Class<? extends Enum<?>> type : java.util.List.of(OrgLevel.class, ProviderKind.class, DeviationKind.class,
                DeviationStatus.class, Law.class, Assessment.class,
                se.kvalitetshjulet.domain.selfcheck.ResponseStatus.class, se.kvalitetshjulet.domain.selfcheck.ResultLevel.class,
                se.kvalitetshjulet.domain.selfcheck.AnswerType.class, se.kvalitetshjulet.domain.risk.AnalysisKind.class,
                se.kvalitetshjulet.domain.risk.AnalysisLevel.class, se.kvalitetshjulet.domain.risk.AnalysisStatus.class,
                se.kvalitetshjulet.domain.risk.CauseCategory.class,
                se.kvalitetshjulet.domain.risk.MeasureState.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                String key = "enum." + type.getSimpleName() + "." + e.name();
                if (!sv.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        // the risk-analysis reasons a database starts with (a reason the coordinator adds is named by the list)
        for (se.kvalitetshjulet.domain.risk.RiskTrigger t : se.kvalitetshjulet.domain.risk.RiskTrigger.values()) {
            if (!sv.containsKey("enum.RiskTrigger." + t.code())) {
                missing.add("enum.RiskTrigger." + t.code());
            }
        }
        for (DeviationStatus s : DeviationStatus.values()) {
            if (!sv.containsKey("deviation.action." + s.name())) {
                missing.add("deviation.action." + s.name());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void englishHasExactlyTheSwedishKeys() throws IOException {
        Properties sv = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(sv.stringPropertyNames()));
        assertThat(en.stringPropertyNames()).allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
    }
}

package se.kvalitetshjulet.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * Nothing reaches the network unless a user asks: only the Kolada fetch command and the Nyckeltal screen's fetch
 * build a {@code KoladaClient}, only the client uses {@code java.net.http}, and every test that builds a client points
 * it at the loopback address.
 */
class NoNetworkTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.kvalitetshjulet");

    @Test
    void onlyTheExplicitFetchBuildsAKoladaClient() {
        noClasses().that().doNotHaveFullyQualifiedName("se.kvalitetshjulet.cli.KeyFiguresCommand$Fetch")
                .and().doNotHaveFullyQualifiedName("se.kvalitetshjulet.ui.keyfigure.KeyFigureKoladaViewModel")
                .and().doNotHaveFullyQualifiedName("se.kvalitetshjulet.service.keyfigure.KoladaClient")
                .should().callConstructor("se.kvalitetshjulet.service.keyfigure.KoladaClient", "java.lang.String")
                .check(CLASSES);
    }

    @Test
    void onlyTheKoladaClientUsesTheHttpClient() {
        noClasses().that().doNotHaveFullyQualifiedName("se.kvalitetshjulet.service.keyfigure.KoladaClient")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(CLASSES);
    }

    @Test
    void everyTestClientPointsAtTheLoopbackAddress() throws IOException {
        Pattern construct = Pattern.compile("new KoladaClient\\(([^;]*)\\)");
        List<String> offending = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = construct.matcher(src);
                while (m.find()) {
                    found++;
                    String arg = m.group(1).strip();
                    boolean loopback = arg.startsWith("\"http://127.0.0.1:") || arg.equals("base");
                    if (!loopback) {
                        offending.add(f.getFileName() + ": " + m.group());
                    }
                }
                if (!f.getFileName().toString().equals("NoNetworkTest.java") && src.contains("https://api.kolada.se")
                        && !src.contains("DEFAULT_BASE).isEqualTo(\"https://api.kolada.se/v3/\")")) {
                    offending.add(f.getFileName() + " mentions the real Kolada address");
                }
            }
        }
        assertThat(found).as("tests that build a client").isPositive();
        assertThat(offending).isEmpty();
    }
}

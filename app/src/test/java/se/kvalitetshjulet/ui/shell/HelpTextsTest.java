package se.kvalitetshjulet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.kvalitetshjulet.ui.common.I18n;

/** Issue 18: every help topic is bundled in Swedish and English, headed by its screen's name, with three tasks. */
class HelpTextsTest {
    @ParameterizedTest
    @ValueSource(strings = {"sv", "en"})
    void everyScreenHasItsHelpWithTheLegalBackgroundAndThreeTasks(String lang) {
        I18n i18n = new I18n(Locale.of(lang));
        for (String topic : HelpWindow.topics()) {
            if (topic.equals(HelpWindow.SHORTCUTS)) {
                continue; // built from the shortcut registry
            }
            String text = HelpWindow.text(i18n, topic);
            assertThat(text).as("%s/%s", lang, topic).startsWith("# " + HelpWindow.title(i18n, topic) + "\n");
            long tasks = Arrays.stream(text.split("\n")).filter(l -> l.matches("^\\d+\\. .+")).count();
            assertThat(tasks).as("tasks in %s/%s", lang, topic).isGreaterThanOrEqualTo(3);
            if (!topic.equals(HelpWindow.CHARTS)) {
                assertThat(text).as("%s/%s", lang, topic).contains(lang.equals("sv") ? "## Lagstöd\n" : "## Legal background\n");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv", "en"})
    void theChartHelpExplainsRunAndControlChartsInPlainWords(String lang) {
        String text = HelpWindow.text(new I18n(Locale.of(lang)), HelpWindow.CHARTS);
        if (lang.equals("sv")) {
            assertThat(text).contains("## Seriediagram (median)", "## Styrdiagram (3 sigma)", "Anhøj", "slump");
        } else {
            assertThat(text).contains("## Run chart (median)", "## Control chart (3 sigma)", "Anhøj", "chance");
        }
    }
}

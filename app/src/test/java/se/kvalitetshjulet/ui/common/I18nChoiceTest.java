package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 18: the language saved in Inställningar is the one the app starts in; Swedish when none is saved. */
class I18nChoiceTest {
    @Test
    void theSavedLanguageIsUsedAndSwedishIsTheDefault() {
        String before = System.getProperty("kvalitetshjulet.lang");
        System.clearProperty("kvalitetshjulet.lang");
        try {
            if (System.getenv("KVALITETSHJULET_LANG") == null) {
                assertThat(I18n.forChoice("en").get("nav.deviations")).isEqualTo("Deviations");
                assertThat(I18n.forChoice(null).get("nav.deviations")).isEqualTo("Avvikelser");
                assertThat(I18n.forChoice("sv").get("nav.deviations")).isEqualTo("Avvikelser");
            }
            // a start with -Dkvalitetshjulet.lang wins over the saved choice
            System.setProperty("kvalitetshjulet.lang", "sv");
            assertThat(I18n.forChoice("en").get("nav.deviations")).isEqualTo("Avvikelser");
        } finally {
            if (before == null) {
                System.clearProperty("kvalitetshjulet.lang");
            } else {
                System.setProperty("kvalitetshjulet.lang", before);
            }
        }
    }
}

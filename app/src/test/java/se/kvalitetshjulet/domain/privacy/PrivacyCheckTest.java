package se.kvalitetshjulet.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivacyCheckTest {
    @Test
    void warnsAboutCommonFirstNamesButNotAboutOrdinaryWords() {
        var findings = PrivacyCheck.check("Anna Svensson föll i badrummet. Undersköterskan larmade.");
        assertThat(findings).extracting(PrivacyCheck.Finding::text).containsExactly("Anna Svensson");
        assertThat(findings.getFirst().identityNumber()).isFalse();
    }

    @Test
    void identityNumbersAreMarkedAsSuch() {
        assertThat(PrivacyCheck.check("811218-9876")).singleElement().matches(PrivacyCheck.Finding::identityNumber);
    }

    @Test
    void everyFreeTextOfARecordIsCheckedInOrder() {
        var findings = PrivacyCheck.checkAll(java.util.List.of("Larmet flyttades.", "811218-9876 ringde", "", "Anna svarade"));
        assertThat(findings).extracting(PrivacyCheck.Finding::text).containsExactly("811218-9876", "Anna");
        assertThat(findings).extracting(PrivacyCheck.Finding::identityNumber).containsExactly(true, false);
    }
}

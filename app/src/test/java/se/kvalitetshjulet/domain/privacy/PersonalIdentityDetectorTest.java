package se.kvalitetshjulet.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentityDetectorTest {
    // 811218-9876 is Skatteverket's published example of a valid personnummer.
    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876",
            "Brukaren 811218-9876 föll"})
    void findsValidPersonalIdentityNumbersInAnyCommonForm(String text) {
        assertThat(PersonalIdentityDetector.find(text)).hasSize(1);
    }

    @Test
    void findsCoordinationNumbers() {
        // Day 18 + 60 = 78; check digit recomputed with Luhn: 8112789871? compute: digits 811278987x
        String base = "811278987";
        int check = luhnCheck(base);
        var found = PersonalIdentityDetector.find("samordningsnummer " + base.substring(0, 6) + "-" + base.substring(6) + check);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().coordinationNumber()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8112189875", "811318-9876", "AV-2026-000123", "Telefon 0701234567", "20260115", "1234567890"})
    void ignoresNumbersThatAreNotIdentityNumbers(String text) {
        assertThat(PersonalIdentityDetector.find(text)).isEmpty();
    }

    @Test
    void reportsPositionsSoTheUiCanPointAtThem() {
        var f = PersonalIdentityDetector.find("pnr: 811218-9876.").getFirst();
        assertThat(f.start()).isEqualTo(5);
        assertThat(f.text()).isEqualTo("811218-9876");
    }

    private static int luhnCheck(String nine) {
        for (int c = 0; c < 10; c++) {
            if (PersonalIdentityDetector.luhnValid(nine + c)) {
                return c;
            }
        }
        throw new AssertionError();
    }
}

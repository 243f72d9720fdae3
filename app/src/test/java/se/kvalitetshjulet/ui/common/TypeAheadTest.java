package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Type-ahead's word and match (issue 18): case and å/ä/ö do not matter, a pause of a second starts a new word. */
class TypeAheadTest {
    private static final List<String> UNITS = List.of("Äldreboende Solgården", "Hemsjukvård Väster", "Hemtjänst Norr",
            "Hemtjänst Östra", "Östermalms dagverksamhet", "LSS-boende Ekbacken");

    private static int find(String word) {
        return TypeAhead.find(word, UNITS.size(), UNITS::get);
    }

    @Test
    void theFirstItemThatStartsWithWhatWasTypedUpperOrLowerCaseAndWithoutTheDots() {
        assertThat(find("hem")).isEqualTo(1);
        assertThat(find("HEMT")).isEqualTo(2);
        assertThat(find("hemtjänst ö")).isEqualTo(3);
        assertThat(find("hemtjanst o")).isEqualTo(3);
        assertThat(find("ost")).isEqualTo(4);
        assertThat(find("Öst")).isEqualTo(4);
        assertThat(find("aldr")).isEqualTo(0);
        assertThat(find("lss")).isEqualTo(5);
        assertThat(find("x")).isEqualTo(-1);
    }

    @Test
    void aPauseOfMoreThanASecondStartsANewWord() {
        TypeAhead.Buffer b = new TypeAhead.Buffer();
        long t = 5_000_000_000L;
        assertThat(b.typed('h', t)).isEqualTo("h");
        assertThat(b.typed('e', t + 200_000_000L)).isEqualTo("he");
        assertThat(b.typed('m', t + 900_000_000L)).isEqualTo("hem");
        assertThat(b.typing(t + 1_500_000_000L)).isTrue();
        assertThat(b.typed('l', t + 2_100_000_000L)).as("1.2 s after the last key").isEqualTo("l");
        assertThat(b.typing(t + 3_200_000_000L)).isFalse();
    }
}

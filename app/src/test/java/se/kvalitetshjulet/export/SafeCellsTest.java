package se.kvalitetshjulet.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeCellsTest {
    @Test
    void formulaLikeValuesAreNeutralised() {
        assertThat(SafeCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SafeCells.neutralise("+46")).isEqualTo("'+46");
        assertThat(SafeCells.neutralise("-1")).isEqualTo("'-1");
        assertThat(SafeCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SafeCells.neutralise("Fall i badrum")).isEqualTo("Fall i badrum");
    }

    @Test
    void identityNumbersAreMaskedInSharedText() {
        assertThat(SafeCells.safe("Brukare 811218-9876 föll")).isEqualTo("Brukare [personnummer borttaget] föll");
    }
}

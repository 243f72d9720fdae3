package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The import's compact id map (decision 0046): exact like a map of strings, a fraction of its memory. */
class ExternalIdsTest {
    @Test
    void idsWithTheSameStringHashAreStillDifferentIds() {
        ExternalIds ids = new ExternalIds();
        // "Aa" and "BB" have the same String.hashCode, and so have all their concatenations
        String[] same = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"};
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        for (int i = 0; i < same.length; i++) {
            ids.put(same[i], i + 2);
        }
        for (int i = 0; i < same.length; i++) {
            assertThat(ids.get(same[i])).as(same[i]).isEqualTo(i + 2);
        }
        assertThat(ids.size()).isEqualTo(same.length);
        assertThat(ids.get("AB")).isEqualTo(ExternalIds.ABSENT);
    }

    @Test
    void lettersBeyondLatin1AndPrefixesAreTheirOwnIds() {
        ExternalIds ids = new ExternalIds();
        ids.put("ärende-1", 2);
        ids.put("Ωmega-1", 3);
        ids.put("Ωmega-12", 4);
        ids.put("ÿ", 5);
        ids.put("\u0100", 6);
        ids.put("", 7);
        assertThat(ids.get("ärende-1")).isEqualTo(2);
        assertThat(ids.get("Ωmega-1")).isEqualTo(3);
        assertThat(ids.get("Ωmega-12")).isEqualTo(4);
        assertThat(ids.get("Ωmega-")).isEqualTo(ExternalIds.ABSENT);
        assertThat(ids.get("ÿ")).isEqualTo(5);
        assertThat(ids.get("\u0100")).isEqualTo(6);
        assertThat(ids.get("")).isEqualTo(7);
        assertThat(ids.get("arende-1")).isEqualTo(ExternalIds.ABSENT);
    }

    @Test
    void aMarkCanBeChangedAndZeroAndNegativeMarksAreKept() {
        ExternalIds ids = new ExternalIds();
        ids.put("X-1", 0);
        assertThat(ids.get("X-1")).isZero();
        ids.put("X-1", -17);
        assertThat(ids.get("X-1")).isEqualTo(-17);
        assertThat(ids.size()).isEqualTo(1);
    }

    @Test
    void twoHundredThousandIdsAgreeWithAHashMapInAFractionOfItsMemory() {
        ExternalIds ids = new ExternalIds();
        Map<String, Long> reference = new HashMap<>();
        Random rnd = new Random(7);
        for (long row = 2; row < 200_002; row++) {
            // the bench's shape, and now and then an id of another system's shape, some of them repeated
            String id = rnd.nextInt(20) == 0 ? "Ärende/" + rnd.nextInt(5_000) + "-ω" : "EXT-" + row;
            ids.put(id, row);
            reference.put(id, row);
        }
        assertThat(ids.size()).isEqualTo(reference.size());
        reference.forEach((id, row) -> assertThat(ids.get(id)).as(id).isEqualTo(row));
        for (int i = 0; i < 1_000; i++) {
            assertThat(ids.get("EXT-" + (300_000 + i))).isEqualTo(ExternalIds.ABSENT);
        }
        // about 35 bytes per id of ten characters (arrays grown by doubling); a HashMap<String, Long> needs 110 or more
        assertThat(ids.bytes()).isLessThan(60L * reference.size());
    }
}

package se.kvalitetshjulet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Issue 18: numbers as the reader of each UI language writes them, whatever the JVM's own locale. */
class NumberTextTest {
    private final NumberText sv = NumberText.of(Locale.of("sv"));
    private final NumberText en = NumberText.of(Locale.ENGLISH);

    @Test
    void swedishHasTheDecimalCommaAndTheThinSpaceBetweenThousands() {
        assertThat(sv.number(2.5)).isEqualTo("2,5");
        assertThat(sv.integer(4637)).isEqualTo("4\u202F637");
        assertThat(sv.number(1234567.25)).isEqualTo("1\u202F234\u202F567,25");
        assertThat(sv.fixed(86.66, 1)).isEqualTo("86,7");
        assertThat(sv.fixed(86.66, 0)).isEqualTo("87");
        assertThat(sv.signed(1.5, 1)).isEqualTo("+1,5");
        assertThat(sv.signed(-0.25, 1)).isEqualTo("-0,3");
        assertThat(sv.signed(0.01, 1)).isEqualTo("0,0");
    }

    @Test
    void englishHasTheDecimalPointAndCommasBetweenThousands() {
        assertThat(en.number(2.5)).isEqualTo("2.5");
        assertThat(en.integer(4637)).isEqualTo("4,637");
        assertThat(en.fixed(86.66, 1)).isEqualTo("86.7");
        assertThat(en.signed(9.4, 1)).isEqualTo("+9.4");
    }

    @Test
    void textsWithNumbersFollowTheLanguageNotTheJdk() {
        assertThat(sv.message("{0} åtgärder", Locale.of("sv"), 4637)).isEqualTo("4\u202F637 åtgärder");
        assertThat(sv.message("{0,number,integer} avvikelser", Locale.of("sv"), 12345)).isEqualTo("12\u202F345 avvikelser");
        assertThat(sv.message("median {0,number,#.#}", Locale.of("sv"), 2.5)).isEqualTo("median 2,5");
        assertThat(en.message("{0} actions", Locale.ENGLISH, 4637)).isEqualTo("4,637 actions");
        assertThat(en.message("median {0,number,#.#}", Locale.ENGLISH, 2.5)).isEqualTo("median 2.5");
    }

    @Test
    void theJvmsLocaleDecidesNothing() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(sv.number(2.5)).isEqualTo("2,5");
            assertThat(sv.message("{0}", Locale.of("sv"), 0.5)).isEqualTo("0,5");
            Locale.setDefault(Locale.of("sv", "SE"));
            assertThat(en.number(2.5)).isEqualTo("2.5");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void datesAreIsoInBothLanguages() {
        assertThat(sv.date(LocalDate.of(2026, 11, 20))).isEqualTo("2026-11-20");
        assertThat(en.date(LocalDate.of(2026, 11, 20))).isEqualTo("2026-11-20");
        assertThat(NumberText.of(Locale.of("sv", "FI")).number(2.5)).isEqualTo("2,5");
    }
}

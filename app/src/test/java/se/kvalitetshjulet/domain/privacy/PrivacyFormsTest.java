package se.kvalitetshjulet.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms in which identity numbers, names, phone numbers and addresses turn up in real free text (issue 13). */
class PrivacyFormsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "19121212-1212", "191212121212", "121212-1212", "1212121212", "121212+1212",
            "19121212\u20131212",             // en dash
            "19121212\u20111212",             // non-breaking hyphen U+2011
            "1912 12 12-1212",                // grouped with spaces
            "\u0661\u0669\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662", // Arabic-Indic digits
            "121212-1213",                    // date-shaped, wrong check digit: a typo still identifies
            "19121212 - 1212",
            "\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12-\uFF11\uFF12\uFF11\uFF12", // full-width digits
            "121212\u00A01212"                // no-break space
    })
    void findsTheCommonFormsOfAnIdentityNumber(String number) {
        String text = "Brukaren " + number + " föll i badrummet.";
        var found = PersonalIdentityDetector.find(text);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.text()).isEqualTo(number));
        assertThat(PrivacyCheck.mask(text, EnumSet.of(PrivacyCheck.Kind.IDENTITY_NUMBER)))
                .isEqualTo("Brukaren [personnummer borttaget] föll i badrummet.");
    }

    @Test
    void aBadCheckDigitIsMarkedSoTheUserKnowsItMayBeATypo() {
        assertThat(PersonalIdentityDetector.find("121212-1213").getFirst().checkDigitValid()).isFalse();
        assertThat(PersonalIdentityDetector.find("121212-1212").getFirst().checkDigitValid()).isTrue();
    }

    @Test
    void findsFullNamesWithSurnamesAndTitledSurnames() {
        assertThat(PrivacyCheck.check("Anna Andersson föll i badrummet")).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(PrivacyCheck.Kind.NAME);
                    assertThat(f.text()).isEqualTo("Anna Andersson");
                });
        assertThat(PrivacyCheck.check("Samtal med fru Lindberg om maten")).extracting(PrivacyCheck.Finding::text)
                .containsExactly("Lindberg");
        assertThat(PrivacyCheck.check("Erik Bergkvist ringde")).extracting(PrivacyCheck.Finding::text)
                .containsExactly("Erik Bergkvist");
    }

    @Test
    void theLawsAreNotPeople() {
        assertThat(PrivacyCheck.check("Rapport enligt lex Maria och lex Sarah")).isEmpty();
    }

    @Test
    void findsPhoneNumbersAndStreetAddresses() {
        var found = PrivacyCheck.check("Ring 070-123 45 67 eller +46 8 123 456 78, bor på Storgatan 12 B i Ås.");
        assertThat(found).extracting(PrivacyCheck.Finding::kind).containsExactly(PrivacyCheck.Kind.PHONE,
                PrivacyCheck.Kind.PHONE, PrivacyCheck.Kind.ADDRESS);
        assertThat(found).extracting(PrivacyCheck.Finding::text)
                .containsExactly("070-123 45 67", "+46 8 123 456 78", "Storgatan 12 B");
    }

    @Test
    void ordinaryCareTextIsLeftAlone() {
        assertThat(PrivacyCheck.check("Kvällsdosen gavs 2 timmar för sent, 0,5 mg. Ärende AV-2026-000123, rum 12."))
                .isEmpty();
    }

    @Test
    void maskAllReplacesEveryKind() {
        assertThat(PrivacyCheck.maskAll("19121212-1212 Anna Svensson, Storgatan 12, 070-1234567"))
                .isEqualTo("[personnummer borttaget] [namn borttaget], [adress borttagen], [telefonnummer borttaget]");
    }
}

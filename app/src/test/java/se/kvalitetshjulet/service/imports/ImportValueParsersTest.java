package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;

class ImportValueParsersTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15", "20240315", "2024/03/15", "2024.3.15", "15/3/2024", "15.03.2024", "15-3-2024",
            "15 mars 2024", "15 mar. 2024", "2024-03-15 14:30", "2024-03-15T14:30:00", "2024-03-15 14:30:00.000",
            " 2024-03-15 ", "15.3.2024 08.15"})
    void swedishAndIsoDates(String raw) throws Exception {
        assertThat(ValueParsers.date(raw)).isEqualTo(LocalDate.of(2024, 3, 15));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "31/13/2024|finns inte i kalendern",
            "3/15/2024|amerikanskt",
            "15/03/24|två siffror",
            "2024-02-30|finns inte i kalendern",
            "igår|kunde inte tolkas",
            "0024-03-15|orimligt årtal",
            "45366|kunde inte tolkas"})
    void badDatesSayWhatToWrite(String raw, String reason) {
        assertThatThrownBy(() -> ValueParsers.date(raw)).isInstanceOf(ValueParsers.InvalidValue.class)
                .hasMessageContaining(raw).hasMessageContaining(reason).hasMessageContaining("ÅÅÅÅ-MM-DD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kvalitetsavvikelse|KVALITETSAVVIKELSE|",
            "KVALITETSAVVIKELSE|KVALITETSAVVIKELSE|",
            "Klagomål/synpunkt utifrån|KLAGOMAL_EXTERN|",
            "klagomal|KLAGOMAL_EXTERN|",
            "Synpunkt|KLAGOMAL_EXTERN|",
            "Klagomål från personal|KLAGOMAL_PERSONAL|",
            "lex sarah|LEX_SARAH|",
            "Lex Sarah-rapport|LEX_SARAH|",
            "LEX_MARIA|LEX_MARIA|",
            "HSL-avvikelse|HSL_AVVIKELSE|",
            "hsl avvikelse|HSL_AVVIKELSE|",
            "Läkemedelsavvikelse|HSL_AVVIKELSE|",
            "Fall|HSL_AVVIKELSE|Fall",
            "Fallrapport|HSL_AVVIKELSE|Fall"})
    void kindsByNameDisplayNameAndSynonym(String raw, DeviationKind kind, String category) throws Exception {
        ValueParsers.KindMatch m = ValueParsers.kind(raw);
        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.impliedCategory()).isEqualTo(category);
    }

    @Test
    void kindsAreCaseInsensitiveButNotGuessed() {
        assertThatThrownBy(() -> ValueParsers.kind("Incident")).hasMessageContaining("'Incident'")
                .hasMessageContaining("Kvalitetsavvikelse").hasMessageContaining("Lex Sarah");
    }

    @Test
    void statusesLawsAssessmentsAndYesNo() throws Exception {
        assertThat(ValueParsers.status("Uppföljd/avslutad")).isEqualTo(DeviationStatus.AVSLUTAD);
        assertThat(ValueParsers.status("under utredning")).isEqualTo(DeviationStatus.UTREDNING);
        assertThat(ValueParsers.status("BEDOMD")).isEqualTo(DeviationStatus.BEDOMD);
        assertThat(ValueParsers.status("Åtgärdad")).isEqualTo(DeviationStatus.ATGARDAD);
        assertThat(ValueParsers.law("SoL")).isEqualTo(Law.SOL);
        assertThat(ValueParsers.law("Patientsäkerhetslagen")).isEqualTo(Law.PSL);
        assertThat(ValueParsers.assessment("Befogat klagomål")).isEqualTo(Assessment.BEFOGAD);
        assertThat(ValueParsers.assessment("AVVIKELSE_BEKRAFTAD")).isEqualTo(Assessment.AVVIKELSE_BEKRAFTAD);
        assertThat(ValueParsers.yesNo("Ja")).isTrue();
        assertThat(ValueParsers.yesNo("nej")).isFalse();
        assertThat(ValueParsers.yesNo("x")).isTrue();
        assertThatThrownBy(() -> ValueParsers.yesNo("kanske")).hasMessageContaining("ja eller nej");
        assertThatThrownBy(() -> ValueParsers.status("Halvklar")).hasMessageContaining("'Halvklar'");
    }

    @Test
    void keysIgnoreCaseAccentsAndPunctuation() {
        assertThat(ValueParsers.key("  Ärende-nummer ")).isEqualTo("arende nummer");
        assertThat(ValueParsers.key("HSL_AVVIKELSE")).isEqualTo(ValueParsers.key("hsl-avvikelse"));
    }

    @Test
    void helpersForTextChecks() {
        assertThat(RowConverter.mojibake("besÃ¶k")).isTrue();
        assertThat(RowConverter.mojibake("Ãngel")).isFalse();
        assertThat(RowConverter.mayHoldIdentityNumber("ärende 123")).isFalse();
        assertThat(RowConverter.mayHoldIdentityNumber("19121212-1212")).isTrue();
        assertThat(RowConverter.titleFrom("Kort text")).isEqualTo("Kort text");
        assertThat(RowConverter.titleFrom("a ".repeat(100))).hasSizeLessThanOrEqualTo(80).endsWith("…");
        assertThat(RowConverter.thousands(1048576)).isEqualTo("1 048 576");
        assertThat(RowConverter.name(" Läkemedel - missad  dos")).isEqualTo(RowConverter.name("läkemedel – missad dos"));
    }
}

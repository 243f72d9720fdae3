package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.MappingRepository;

class ImportMappingTest {
    @TempDir
    Path dir;

    @Test
    void guessRecognisesOurExportAndSwedishSynonymsAndUsesEachHeaderOnce() {
        ImportMapping m = ImportMapping.guess(List.of("ärendenummer", "Händelsedatum", "Datum", "Enhet", "Avvikelsetyp",
                "Kategori", "Beskrivning", "Rubrik", "Okänt", "Typ"));
        assertThat(m.columns()).containsEntry(ImportField.EXTERNAL_ID, "ärendenummer")
                .containsEntry(ImportField.OCCURRED_ON, "Händelsedatum")
                .containsEntry(ImportField.REGISTERED_ON, "Datum")
                .containsEntry(ImportField.UNIT, "Enhet")
                .containsEntry(ImportField.KIND, "Typ")
                .containsEntry(ImportField.CATEGORY, "Kategori")
                .containsEntry(ImportField.TITLE, "Rubrik")
                .containsEntry(ImportField.DESCRIPTION, "Beskrivning")
                .doesNotContainValue("Okänt");
        assertThat(m.problems(List.of("ärendenummer", "Händelsedatum", "Datum", "Enhet", "Avvikelsetyp", "Kategori",
                "Beskrivning", "Rubrik", "Okänt", "Typ"))).isEmpty();
    }

    @Test
    void jsonRoundTripAndClearErrors() {
        ImportMapping m = ImportMapping.empty().withSource("Treserva").withColumn(ImportField.EXTERNAL_ID, "Id")
                .withColumn(ImportField.UNIT, "Enhet").withDefault(ImportField.KIND, "Lex Sarah");
        String json = m.toJson();
        assertThat(json).contains("\"externalId\" : \"Id\"").contains("\"source\" : \"Treserva\"");
        assertThat(ImportMapping.fromJson(json)).isEqualTo(m);
        assertThat(ImportMapping.fromJson("{\"columns\": {\"unit\": \"Enhet\"}}").column(ImportField.UNIT)).isEqualTo("Enhet");
        assertThatThrownBy(() -> ImportMapping.fromJson("{\"columns\": {\"enhet\": \"Enhet\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Okänt fält 'enhet'")
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> ImportMapping.fromJson("{\"columns\": ")).hasMessageContaining("inte giltig JSON");
        assertThatThrownBy(() -> ImportMapping.fromJson("[1]")).hasMessageContaining("JSON-objekt");
    }

    @Test
    void headersMatchIgnoringCaseWhenUnique() {
        assertThat(ImportMapping.indexOf(List.of("Id", "DATUM"), "datum")).isEqualTo(1);
        assertThat(ImportMapping.indexOf(List.of("Datum", "datum"), "DATUM")).isEqualTo(-1);
        assertThat(ImportMapping.indexOf(List.of("Datum", "datum"), "datum")).isEqualTo(1);
    }

    @Test
    void profilesAreStoredByUniqueName() {
        try (AppContext ctx = ImportTestSupport.context(dir)) {
            MappingRepository repo = new MappingRepository(ctx.database(), ctx.audit());
            repo.save("B", "{\"columns\":{}}");
            repo.save("A", ImportMapping.empty().withColumn(ImportField.EXTERNAL_ID, "Id").toJson());
            repo.save("A", ImportMapping.empty().withColumn(ImportField.EXTERNAL_ID, "Nr").toJson());
            assertThat(repo.names()).containsExactly("A", "B");
            assertThat(ImportMapping.fromJson(repo.find("A").orElseThrow()).column(ImportField.EXTERNAL_ID)).isEqualTo("Nr");
            assertThat(repo.delete("B")).isTrue();
            assertThat(repo.find("B")).isEmpty();
            assertThatThrownBy(() -> repo.save(" ", "{}")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.CAUSE_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;
import static se.kvalitetshjulet.data.jooq.Tables.MEASURE_TYPE;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;

/** A deviation import carries cause categories and measure types, mapped to the lists; unknown names are row errors. */
class ImportCausesAndMeasuresTest {
    private static final String HEADER = "Ärendenummer;Registrerad;Enhet;Typ;Kategori;Rubrik;Status;Avslutad;"
            + "Orsakskategori;Åtgärdstyp";

    @TempDir
    Path dir;
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = ImportTestSupport.context(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private List<String> causesOf(String externalId) {
        return ctx.database().dsl().select(CAUSE_CATEGORY.NAME).from(DEVIATION_CAUSE).join(CAUSE_CATEGORY)
                .on(CAUSE_CATEGORY.ID.eq(DEVIATION_CAUSE.CAUSE_CATEGORY_ID)).join(DEVIATION)
                .on(DEVIATION.ID.eq(DEVIATION_CAUSE.DEVIATION_ID)).where(DEVIATION.EXTERNAL_ID.eq(externalId))
                .orderBy(CAUSE_CATEGORY.NAME).fetch(CAUSE_CATEGORY.NAME);
    }

    @Test
    void causesAndMeasureTypesArriveWithTheDeviations() {
        Path f = ImportTestSupport.utf8(dir.resolve("a.csv"), String.join("\r\n", HEADER,
                "K-1;2025-03-01;Hemtjänst Norr;Kvalitetsavvikelse;Dokumentation och handläggning;Journal saknades;"
                        + "Avslutad;2025-04-01;\"kommunikation, Rutin har inte följts\";Påminnelse om rutin|Utbildning",
                "K-2;2025-03-02;Hemtjänst Norr;Kvalitetsavvikelse;Samordning;Vårdplan saknades;Registrerad;;"
                        + "Samordning mellan aktörer;",
                "K-3;2025-03-03;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Otrevligt bemötande;Registrerad;;;") + "\r\n");
        ImportResult r = ImportTestSupport.run(ctx, f, false);
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(3);
        assertThat(causesOf("K-1")).containsExactly("Kommunikation", "Rutin har inte följts");
        assertThat(causesOf("K-2")).containsExactly("Samordning mellan aktörer");
        assertThat(causesOf("K-3")).isEmpty();
        var measures = ctx.database().dsl().select(MEASURE_TYPE.NAME, ACTION_ITEM.DONE_ON).from(ACTION_ITEM)
                .join(MEASURE_TYPE).on(MEASURE_TYPE.ID.eq(ACTION_ITEM.MEASURE_TYPE_ID)).join(DEVIATION)
                .on(DEVIATION.ID.eq(ACTION_ITEM.SOURCE_ID).and(ACTION_ITEM.SOURCE_TYPE.eq("DEVIATION")))
                .where(DEVIATION.EXTERNAL_ID.eq("K-1")).orderBy(MEASURE_TYPE.NAME).fetch();
        assertThat(measures).extracting(m -> m.value1()).containsExactly("Påminnelse om rutin", "Utbildning");
        assertThat(measures).extracting(m -> m.value2().toString()).containsOnly("2025-04-01");
    }

    @Test
    void unknownCausesAndMeasureTypesAreReportedPerRowAndNothingIsWritten() {
        Path f = ImportTestSupport.utf8(dir.resolve("b.csv"), String.join("\r\n", HEADER,
                "K-1;2025-03-01;Hemtjänst Norr;Kvalitetsavvikelse;Samordning;Rubrik;Registrerad;;Stress;Utbildning",
                "K-2;2025-03-02;Hemtjänst Norr;Kvalitetsavvikelse;Samordning;Rubrik;Registrerad;;Kompetens;Handledning")
                + "\r\n");
        ImportResult r = ImportTestSupport.run(ctx, f, false);
        assertThat(r.errors()).extracting(RowError::row, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Orsakskategori"),
                        org.assertj.core.groups.Tuple.tuple(3L, "Åtgärdstyp"));
        assertThat(r.errors().get(0).reason()).contains("Orsaken 'Stress' finns inte i orsakslistan", "Kommunikation");
        assertThat(r.errors().get(1).reason()).contains("Åtgärdstypen 'Handledning'", "Utbildning");
        assertThat(ImportTestSupport.count(ctx)).isZero();
        assertThat(ctx.database().dsl().fetchCount(ACTION_ITEM)).isZero();
    }

    @Test
    void causesFollowTheirRowsThroughAFileWithRejectedAndRepeatedRows() {
        // the children are kept by row number until the rows have ids (decision 0046): every row keeps its own
        StringBuilder text = new StringBuilder(HEADER);
        String[] causes = {"Kommunikation", "Rutin har inte följts", "Samordning mellan aktörer"};
        for (int i = 1; i <= 3_000; i++) {
            String date = i % 500 == 0 ? "2025-02-30" : "2025-03-01"; // rejected, skipped
            String cause = i % 3 == 0 ? "" : causes[i % causes.length];
            String measure = i % 4 == 0 ? "Utbildning" : "";
            text.append("\r\nK-").append(i).append(';').append(date)
                    .append(";Hemtjänst Norr;Kvalitetsavvikelse;Samordning;Rubrik ").append(i)
                    .append(";Registrerad;;").append(cause).append(';').append(measure);
            if (i % 1_000 == 0) {
                text.append("\r\nK-").append(i - 1).append(";2025-03-02;Hemtjänst Norr;Kvalitetsavvikelse;Samordning;"
                        + "Upprepad;Registrerad;;Kommunikation;Utbildning"); // a duplicate, skipped
            }
        }
        Path f = ImportTestSupport.utf8(dir.resolve("c.csv"), text + "\r\n");
        DeviationImporter imp = ImportTestSupport.importer(ctx);
        ImportMapping m = ImportMapping.guess(imp.open(f).headers());

        ImportResult r = imp.run(f, m, new ImportOptions("S", false, true), (p, s) -> { }, () -> false);

        assertThat(r.rejectedRows()).isEqualTo(6 + 3);
        assertThat(r.imported()).isEqualTo(3_000 - 6);
        var rows = ctx.database().dsl().select(DEVIATION.EXTERNAL_ID, DEVIATION.ID).from(DEVIATION).fetchMap(
                DEVIATION.EXTERNAL_ID, DEVIATION.ID);
        var causeRows = ctx.database().dsl().select(DEVIATION_CAUSE.DEVIATION_ID, CAUSE_CATEGORY.NAME)
                .from(DEVIATION_CAUSE).join(CAUSE_CATEGORY).on(CAUSE_CATEGORY.ID.eq(DEVIATION_CAUSE.CAUSE_CATEGORY_ID))
                .fetchGroups(DEVIATION_CAUSE.DEVIATION_ID, CAUSE_CATEGORY.NAME);
        var measureRows = ctx.database().dsl().select(ACTION_ITEM.SOURCE_ID).from(ACTION_ITEM)
                .where(ACTION_ITEM.SOURCE_TYPE.eq("DEVIATION")).fetchSet(ACTION_ITEM.SOURCE_ID);
        for (int i = 1; i <= 3_000; i++) {
            Long id = rows.get("K-" + i);
            if (i % 500 == 0) {
                assertThat(id).as("K-%d was rejected", i).isNull();
                continue;
            }
            assertThat(causeRows.getOrDefault(id, List.of())).as("causes of K-%d", i)
                    .isEqualTo(i % 3 == 0 ? List.of() : List.of(causes[i % causes.length]));
            assertThat(measureRows.contains(id)).as("measure of K-%d", i).isEqualTo(i % 4 == 0);
        }
    }
}

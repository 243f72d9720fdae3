package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.ACTION_ITEM;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CAUSE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.lists.DeadlineRule;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** "Listor och regler": the lists file round trip, all-or-nothing import, rename/retire/merge keeping statistics. */
class ListsServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    long unitId;

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        unitId = adm.id();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private long id(ListKind k, String name) {
        return ctx.lists().entries(k).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
    }

    private long deviation(long categoryId, long... causeIds) {
        var dsl = ctx.database().dsl();
        long id = dsl.insertInto(DEVIATION).set(DEVIATION.CASE_REF, "T-" + System.nanoTime())
                .set(DEVIATION.KIND, "KVALITETSAVVIKELSE").set(DEVIATION.LAW, "SOL").set(DEVIATION.UNIT_ID, unitId)
                .set(DEVIATION.CATEGORY_ID, categoryId).set(DEVIATION.STATUS, "REGISTRERAD")
                .set(DEVIATION.REGISTERED_ON, LocalDate.of(2025, 3, 1)).set(DEVIATION.TITLE, "Test")
                .set(DEVIATION.UPDATED_AT, LocalDateTime.now()).returning(DEVIATION.ID).fetchOne().getId();
        for (long c : causeIds) {
            dsl.insertInto(DEVIATION_CAUSE).set(DEVIATION_CAUSE.DEVIATION_ID, id).set(DEVIATION_CAUSE.CAUSE_CATEGORY_ID, c)
                    .execute();
        }
        return id;
    }

    private int countWithCategory(long categoryId) {
        return ctx.database().dsl().fetchCount(DEVIATION, DEVIATION.CATEGORY_ID.eq(categoryId));
    }

    @Test
    void anEditedConfigurationExportedAndImportedIntoAnEmptyDatabaseExportsIdentically() throws Exception {
        ListsService lists = ctx.lists();
        assertThat(lists.add(ListKind.DEVIATION_CATEGORY, null, "Brand och utrymning").ok()).isTrue();
        assertThat(lists.rename(ListKind.DEVIATION_CATEGORY, id(ListKind.DEVIATION_CATEGORY, "Stöld"), "Stöld och förlust").ok())
                .isTrue();
        assertThat(lists.setActive(ListKind.CAUSE, id(ListKind.CAUSE, "Miljö"), false).ok()).isTrue();
        assertThat(lists.add(ListKind.BUSINESS_AREA, null, "Socialpsykiatri").ok()).isTrue();
        lists.move(ListKind.BUSINESS_AREA, id(ListKind.BUSINESS_AREA, "Socialpsykiatri"), -1);
        assertThat(lists.add(ListKind.COUNCIL_TYPE, "BRUKARRAD", "Brukarråd").ok()).isTrue();
        assertThat(lists.add(ListKind.RISK_REASON, null, "Ny lokal").ok()).isTrue();
        assertThat(lists.saveDeadline(new DeadlineRule("LEX_SARAH", 10, "SoL 14 kap. 6 §")).ok()).isTrue();
        assertThat(lists.saveReference(new LegalReference(null, "LSS", "LSS (2026:1)", LocalDate.of(2027, 1, 1), null)).ok())
                .as("a second LSS citation that overlaps the open-ended one is refused").isFalse();

        Path file = dir.resolve("listor.json");
        lists.exportTo(file);
        String exported = Files.readString(file);
        assertThat(exported).contains("\"Brand och utrymning\"", "\"Stöld och förlust\"", "\"BRUKARRAD\"", "\"SoL (2025:400)\"",
                "\"giltigTill\" : \"2025-06-30\"", "\"dagar\" : 10");

        Path other = Files.createDirectory(dir.resolve("b"));
        try (AppContext empty = new AppContext(Database.open(other.resolve("b.db")), TestDb.clock())) {
            ListsService.ImportOutcome r = empty.lists().importFrom(file);
            assertThat(r.problems()).isEmpty();
            assertThat(r.changes()).isNotEmpty();
            assertThat(empty.lists().exportJson()).isEqualTo(exported);
            assertThat(empty.lists().importFrom(file).changes()).as("importing the same file again changes nothing").isEmpty();
            assertThat(empty.lists().entries(ListKind.BUSINESS_AREA).stream().map(ListEntry::name).toList())
                    .containsSubsequence("Socialpsykiatri", "Individ- och familjeomsorg");
        }
    }

    @Test
    void aRecordShowsTheLegalReferenceValidOnItsDate() {
        assertThat(ctx.lists().citationOn("SOL", LocalDate.of(2025, 6, 30))).isEqualTo("SoL (2001:453)");
        assertThat(ctx.lists().citationOn("SOL", LocalDate.of(2025, 7, 1))).isEqualTo("SoL (2025:400)");
        assertThat(ctx.lists().citationOn("PSL", LocalDate.of(2022, 1, 1))).isEqualTo("PSL (2010:659)");
    }

    @Test
    void aFileWithAnyProblemIsRefusedWholeAndNothingIsWritten() throws Exception {
        String before = ctx.lists().exportJson();
        int audits = ctx.audit().count();
        String bad = before.replace("\"namn\" : \"Fall\"", "\"namn\" : \"Bemötande\"")
                .replace("\"giltigFran\" : \"2025-07-01\"", "\"giltigFran\" : \"2025-06-01\"")
                .replace("\"dagar\" : 14", "\"dagar\" : 0")
                .replace("\"namn\" : \"Utbildning\"", "\"namn\" : \"Kurs\"");
        ListsService.ImportOutcome r = ctx.lists().importJson(bad);
        assertThat(r.ok()).isFalse();
        assertThat(String.join("\n", r.problems())).contains("\"Bemötande\" finns redan", "gäller samma dagar",
                "utanför 1–366");
        assertThat(ctx.lists().exportJson()).isEqualTo(before);
        assertThat(ctx.audit().count()).isEqualTo(audits);
        assertThat(ctx.lists().importJson("{\"format\":\"något annat\"}").problems()).singleElement().asString()
                .contains("ingen listfil");
    }

    @Test
    void entriesLeftOutOfAFileAreRetiredWhenRecordsUseThemAndRemovedOtherwise() {
        long fall = id(ListKind.DEVIATION_CATEGORY, "Fall");
        deviation(fall);
        String json = ctx.lists().exportJson().replaceAll("\\{\\s*\"namn\" : \"Fall\",\\s*\"aktiv\" : true\\s*},", "")
                .replaceAll("\\{\\s*\"namn\" : \"Nutrition\",\\s*\"aktiv\" : true\\s*},", "");
        assertThat(json).doesNotContain("\"Fall\"", "\"Nutrition\"");
        ListsService.ImportOutcome r = ctx.lists().importJson(json);
        assertThat(r.problems()).isEmpty();
        assertThat(r.changes()).contains("Avaktiverad i avvikelsekategorier (används av 1 poster): Fall",
                "Borttagen ur avvikelsekategorier: Nutrition");
        assertThat(ctx.lists().entries(ListKind.DEVIATION_CATEGORY)).anyMatch(e -> e.name().equals("Fall") && !e.active())
                .noneMatch(e -> e.name().equals("Nutrition"));
        assertThat(countWithCategory(fall)).as("the old record still shows its category").isEqualTo(1);
    }

    @Test
    void renameKeepsStatisticsAndMergeMovesTheRecordsWithAuditRows() {
        long sekretess = id(ListKind.DEVIATION_CATEGORY, "Sekretess/informationssäkerhet");
        long dok = id(ListKind.DEVIATION_CATEGORY, "Dokumentation och handläggning");
        long kommunikation = id(ListKind.CAUSE, "Kommunikation");
        long info = id(ListKind.CAUSE, "Informationsöverföring");
        long a = deviation(sekretess, kommunikation);
        long b = deviation(sekretess, kommunikation, info);
        deviation(dok, info);

        assertThat(ctx.lists().rename(ListKind.DEVIATION_CATEGORY, sekretess, "Sekretess").ok()).isTrue();
        assertThat(countWithCategory(sekretess)).isEqualTo(2);
        assertThat(ctx.lists().rename(ListKind.DEVIATION_CATEGORY, sekretess, "Fall").problems()).singleElement()
                .satisfies(p -> assertThat(p.messageKey()).contains("\"Fall\" finns redan"));

        assertThat(ctx.lists().merge(ListKind.DEVIATION_CATEGORY, sekretess, dok)).isEqualTo(2);
        assertThat(countWithCategory(dok)).isEqualTo(3);
        assertThat(ctx.lists().entries(ListKind.DEVIATION_CATEGORY)).noneMatch(e -> e.id() == sekretess);
        assertThat(ctx.audit().history("deviation", a)).anyMatch(h -> h.afterJson().contains("\"category_id\":" + dok));
        assertThat(ctx.audit().history("deviation_category", sekretess)).first()
                .satisfies(h -> assertThat(h.afterJson()).contains("\"merged_into_name\":\"Dokumentation och handläggning\"",
                        "\"records_moved\":2"));

        assertThat(ctx.lists().merge(ListKind.CAUSE, kommunikation, info)).isEqualTo(2);
        assertThat(ctx.database().dsl().fetchCount(DEVIATION_CAUSE, DEVIATION_CAUSE.CAUSE_CATEGORY_ID.eq(info)))
                .as("b had both causes and keeps one").isEqualTo(3);
        assertThat(ctx.database().dsl().fetchCount(DEVIATION_CAUSE, DEVIATION_CAUSE.DEVIATION_ID.eq(b))).isEqualTo(1);

        long utb = id(ListKind.MEASURE_TYPE, "Utbildning");
        long arb = id(ListKind.MEASURE_TYPE, "Arbetsledning");
        ctx.database().dsl().insertInto(ACTION_ITEM).set(ACTION_ITEM.SOURCE_TYPE, "DEVIATION").set(ACTION_ITEM.SOURCE_ID, a)
                .set(ACTION_ITEM.WHAT, "Utbildning i sekretess").set(ACTION_ITEM.MEASURE_TYPE_ID, utb).execute();
        assertThat(ctx.lists().merge(ListKind.MEASURE_TYPE, utb, arb)).isEqualTo(1);
        assertThat(ctx.lists().usage(ListKind.MEASURE_TYPE, arb)).isEqualTo(1);
    }

    @Test
    void retiringTheLastActiveEntryOfAListIsRefused() {
        for (ListEntry e : ctx.lists().entries(ListKind.COUNCIL_TYPE)) {
            if (ctx.lists().entries(ListKind.COUNCIL_TYPE).stream().filter(ListEntry::active).count() > 1) {
                assertThat(ctx.lists().setActive(ListKind.COUNCIL_TYPE, e.id(), false).ok()).isTrue();
            } else {
                assertThat(ctx.lists().setActive(ListKind.COUNCIL_TYPE, e.id(), false).ok()).isFalse();
            }
        }
        assertThat(ctx.lists().entries(ListKind.COUNCIL_TYPE)).filteredOn(ListEntry::active).hasSize(1);
    }
}

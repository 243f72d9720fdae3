package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.jooq.tables.records.DeviationRecord;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * The import on a shared PostgreSQL database (decision 0040 changed only SQLite's bulk path): the rows go in with ids
 * from the server's identity column, their real case references and who imported them, and a second run of the same
 * file changes nothing.
 */
class ImportOnServerTest {
    @TempDir
    Path dir;

    @Test
    void aFileImportsOnTheServerWithCaseReferencesAndWhoRegisteredThem() {
        try (AppContext ctx = TestDb.open(TestDb.Engine.POSTGRESQL, dir)) {
            Unit adm = ImportTestSupport.unit(ctx, null, "Omsorgsförvaltningen", OrgLevel.FORVALTNING);
            Unit sabo = ImportTestSupport.unit(ctx, adm, "Särskilt boende", OrgLevel.AVDELNING);
            Unit sol = ImportTestSupport.unit(ctx, sabo, "Solbacken", OrgLevel.ENHET);
            ImportTestSupport.unit(ctx, sol, "Våning 1", OrgLevel.SEKTION);
            Unit ek = ImportTestSupport.unit(ctx, sabo, "Ekhagen", OrgLevel.ENHET);
            ImportTestSupport.unit(ctx, ek, "Våning 1", OrgLevel.SEKTION);
            Unit ht = ImportTestSupport.unit(ctx, adm, "Hemtjänst", OrgLevel.AVDELNING);
            ImportTestSupport.unit(ctx, ht, "Hemtjänst Norr", OrgLevel.ENHET);
            Path f = ImportTestSupport.write(dir.resolve("avvikelser.csv"), ImportTestSupport.goodRows(),
                    StandardCharsets.UTF_8, true);

            ImportResult r = ImportTestSupport.run(ctx, f, false);

            assertThat(r.errors()).isEmpty();
            assertThat(r.imported()).isEqualTo(3);
            assertThat(ImportTestSupport.count(ctx)).isEqualTo(3);
            for (String id : new String[] {"A-1", "A-2", "A-3"}) {
                DeviationRecord d = ctx.database().dsl().selectFrom(DEVIATION).where(DEVIATION.EXTERNAL_ID.eq(id)).fetchOne();
                assertThat(d.getCaseRef()).isEqualTo("AV-%d-%06d".formatted(d.getRegisteredOn().getYear(), d.getId()));
                assertThat(d.getRegisteredBy()).isEqualTo(ctx.audit().actorName());
            }
            assertThat(ctx.database().dsl().selectFrom(DEVIATION).where(DEVIATION.EXTERNAL_ID.eq("A-1")).fetchOne()
                    .getRegisteredOn()).isEqualTo(LocalDate.of(2025, 3, 15));

            ImportResult again = ImportTestSupport.run(ctx, f, false);
            assertThat(again.imported()).isZero();
            assertThat(again.unchanged()).isEqualTo(3);
            assertThat(ImportTestSupport.count(ctx)).isEqualTo(3);
        }
    }
}

package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.domain.audit.AuditAction;
import se.kvalitetshjulet.domain.audit.AuditVerification;

/**
 * The walks over the whole audit trail that write as they go (gallring of old free text, sealing rows from before the
 * chain) read it a few hundred rows at a time (decision 0046), so a register with millions of audit rows fits in the
 * app's heap: every row is still reached once, across the chunks' edges, and the chain still verifies.
 */
class AuditTrailInChunksTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final int OLD_ROWS = 1_234;

    @TempDir
    Path dir;

    private static Map<String, Object> image(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Fall i badrummet " + i);
        m.put("description", "Hittades på golvet i rum " + i + ".");
        m.put("status", "REGISTRERAD");
        return m;
    }

    private static void write(Database db, Clock clock, int from, int to) {
        AuditTrail audit = new AuditTrail(db, new Actor(), clock);
        db.txRun(tx -> {
            for (int i = from; i < to; i++) {
                audit.appendMaps(tx, "deviation", i, AuditAction.INSERT, null, image(i), null);
            }
        });
    }

    @Test
    void gallringReachesEveryOldRowAcrossTheChunksAndTheChainStillVerifies() {
        Clock then = Clock.fixed(Instant.parse("2019-03-01T10:00:00Z"), ZONE);
        Clock now = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZONE);
        try (AppContext ctx = new AppContext(Database.open(dir.resolve("a.db")), now)) {
            Database db = ctx.database();
            write(db, then, 0, OLD_ROWS);
            write(db, now, OLD_ROWS, OLD_ROWS + 30);
            LocalDate cutoff = LocalDate.of(2020, 1, 1);
            int old = db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.AT.lt(cutoff.atStartOfDay()));
            assertThat(old).isEqualTo(OLD_ROWS);

            int purged = ctx.audit().purgeFreeTextBefore(cutoff, LocalDate.of(2025, 6, 1));

            assertThat(purged).isEqualTo(OLD_ROWS);
            var rows = db.dsl().select(AUDIT_LOG.ENTITY_ID, AUDIT_LOG.AFTER_JSON, AUDIT_LOG.PURGED_ON).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ENTITY.eq("deviation")).orderBy(AUDIT_LOG.ID).fetch();
            assertThat(rows).hasSize(OLD_ROWS + 30);
            for (var r : rows) {
                if (r.value1() < OLD_ROWS) {
                    assertThat(r.value2()).as("row %d", r.value1()).doesNotContain("badrummet").contains(AuditTrail.PURGED_TEXT)
                            .contains("REGISTRERAD");
                    assertThat(r.value3()).isEqualTo(LocalDate.of(2025, 6, 1));
                } else {
                    assertThat(r.value2()).as("row %d", r.value1()).contains("Fall i badrummet");
                    assertThat(r.value3()).isNull();
                }
            }
            AuditVerification v = ctx.audit().verify();
            assertThat(v.breaks()).isEmpty();
            assertThat(v.purged()).isEqualTo(OLD_ROWS);
            assertThat(ctx.audit().purgeFreeTextBefore(cutoff, LocalDate.of(2025, 6, 2))).isZero();
        }
    }

    @Test
    void rowsFromBeforeTheChainAreSealedAcrossTheChunksInIdOrder() {
        Clock now = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZONE);
        try (AppContext ctx = new AppContext(Database.open(dir.resolve("b.db")), now)) {
            Database db = ctx.database();
            write(db, now, 0, OLD_ROWS);
            // as a file from before the chain (V12): no hashes and no head
            db.dsl().update(AUDIT_LOG).setNull(AUDIT_LOG.ROW_HASH).setNull(AUDIT_LOG.PREV_HASH)
                    .setNull(AUDIT_LOG.PAYLOAD_HASH).execute();
            db.dsl().deleteFrom(se.kvalitetshjulet.data.jooq.Tables.APP_SETTING)
                    .where(se.kvalitetshjulet.data.jooq.Tables.APP_SETTING.SETTING_KEY.eq(
                            AuditChain.HEAD_SETTING)).execute();
            assertThat(ctx.audit().verify().intact()).isFalse();

            ctx.audit().sealLegacyRows();

            AuditVerification v = ctx.audit().verify();
            assertThat(v.breaks()).isEmpty();
            assertThat(v.rows()).isEqualTo(db.dsl().fetchCount(AUDIT_LOG)).isGreaterThanOrEqualTo(OLD_ROWS);
            assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ROW_HASH.isNull())).isZero();
            // and the trail goes on from the sealed tip
            write(db, now, OLD_ROWS, OLD_ROWS + 3);
            assertThat(ctx.audit().verify().breaks()).isEmpty();
        }
    }
}

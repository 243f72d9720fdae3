package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;

/**
 * Decision 0029, issue 15 part 5: a timestamp written through the generated classes keeps its fraction of a second
 * on both engines (to the millisecond, as SQLite's driver writes it; before, PostgreSQL rounded it to the second),
 * so "saved at" and the order of changes within a second mean the same in a file and on a server.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class TimestampPrecisionTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;

    @Test
    void aTimestampKeepsItsMillisecondsOnBothEngines() {
        try (Database db = TestDb.database(engine, dir)) {
            LocalDateTime at = LocalDateTime.of(2026, 11, 23, 10, 0, 1, 123_456_000);
            long id = db.tx(tx -> tx.insertInto(AUDIT_LOG).set(AUDIT_LOG.AT, at).set(AUDIT_LOG.ACTOR, "test")
                    .set(AUDIT_LOG.ENTITY, "test").set(AUDIT_LOG.ENTITY_ID, 1L).set(AUDIT_LOG.ACTION, "INSERT")
                    .set(AUDIT_LOG.AT_TEXT, "2026-11-23T10:00:01.123456+01:00").set(AUDIT_LOG.PREV_HASH, "x")
                    .set(AUDIT_LOG.ROW_HASH, "y").returningResult(AUDIT_LOG.ID).fetchOne(AUDIT_LOG.ID));
            LocalDateTime read = db.dsl().select(AUDIT_LOG.AT).from(AUDIT_LOG).where(AUDIT_LOG.ID.eq(id))
                    .fetchOne(AUDIT_LOG.AT);
            assertThat(read).isEqualTo(LocalDateTime.of(2026, 11, 23, 10, 0, 1, 123_000_000));
            assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.AT.gt(LocalDateTime.of(2026, 11, 23, 10, 0, 1, 122_000_000))
                    .and(AUDIT_LOG.AT.lt(LocalDateTime.of(2026, 11, 23, 10, 0, 1, 124_000_000))))).isEqualTo(1);
        }
    }
}

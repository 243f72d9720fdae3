package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The values the bench's COPY load writes, in PostgreSQL's text format (decision 0036). */
class BenchServerDatabaseTest {
    private static String copy(Object v) {
        StringBuilder sb = new StringBuilder();
        BenchServerDatabase.appendCopyValue(sb, v);
        return sb.toString();
    }

    @Test
    void textIsEscapedSoThatTabsNewlinesAndBackslashesArriveAsWritten() {
        assertThat(copy("Fall\ti\nmatsalen\\köket\r")).isEqualTo("Fall\\ti\\nmatsalen\\\\köket\\r");
        assertThat(copy("å ä ö Å Ä Ö")).isEqualTo("å ä ö Å Ä Ö");
    }

    @Test
    void nullBooleansBytesAndTimesInPostgresSpelling() {
        assertThat(copy(null)).isEqualTo("\\N");
        assertThat(copy(true)).isEqualTo("t");
        assertThat(copy(false)).isEqualTo("f");
        assertThat(copy(new byte[] {1, (byte) 0xab})).isEqualTo("\\\\x01ab");
        assertThat(copy(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(copy(java.time.LocalDateTime.of(2026, 12, 2, 12, 0, 1, 123_456_789))).isEqualTo("2026-12-02T12:00:01.123456");
        assertThat(copy(java.time.LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
    }

    @Test
    void theBenchDatabaseIsBesideTheNamedOneOnTheSameServer() {
        ServerUrl named = ServerUrl.parse("postgresql://kvu@db.kommun.se:5433/omsorg?sslmode=require");
        ServerUrl bench = BenchServerDatabase.benchUrl(named);
        assertThat(bench.database()).isEqualTo("omsorg_kvh_bench");
        assertThat(bench.host()).isEqualTo("db.kommun.se");
        assertThat(bench.port()).isEqualTo(5433);
        assertThat(bench.user()).isEqualTo("kvu");
        assertThat(bench.sslmode()).isEqualTo("require");
    }
}

package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.TestPostgres;

/** Opening, refusing and initialising a server database on a real PostgreSQL (decision 10). */
class PostgresServerTest {
    final TestPostgres pg = TestPostgres.get();

    @Test
    void serverInitCreatesTheSameTablesAsTheFileWithRealDatesAndIdentityKeys() throws Exception {
        String name = pg.createDatabase();
        try (Database db = PostgresServer.open(ServerUrl.parse(pg.url(name)), PostgresServer.Mode.INIT)) {
            assertThat(db.engine().dialect()).isEqualTo(SQLDialect.POSTGRES);
            assertThat(db.engine().isServer()).isTrue();
            assertThat(db.describe()).isEqualTo(pg.url(name));
            assertThat(db.file()).isNull();
        }
        try (Connection c = pg.superuser(name); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT data_type FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name = 'deviation' AND column_name IN ('registered_on', 'updated_at', 'serious', 'id') "
                    + "ORDER BY column_name")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("bigint"); // id
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("date"); // registered_on
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("boolean"); // serious
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("timestamp without time zone"); // updated_at
            }
            try (ResultSet rs = st.executeQuery("SELECT is_identity FROM information_schema.columns "
                    + "WHERE table_name = 'unit' AND column_name = 'id'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("YES");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_policies WHERE tablename = 'deviation'")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(5);
            }
        }
        // Opened again as a user would: current, so no migration and no refusal.
        try (Database again = Database.open(pg.url(name))) {
            assertThat(again.dsl().fetchCount(again.dsl().selectOne())).isEqualTo(1);
        }
    }

    @Test
    void anEmptyServerDatabaseIsRefusedWithTheCommandThatSetsItUp() {
        String name = pg.createDatabase();
        assertThatThrownBy(() -> Database.open(pg.url(name)))
                .isInstanceOfSatisfying(DatabaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseRefusedException.Reason.NOT_INITIALISED))
                .hasMessageContaining("server init --db " + pg.url(name));
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws Exception {
        String name = pg.createDatabase();
        try (Connection c = pg.superuser(name); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer (id int)");
        }
        assertThatThrownBy(() -> PostgresServer.open(ServerUrl.parse(pg.url(name)), PostgresServer.Mode.INIT))
                .isInstanceOfSatisfying(DatabaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseRefusedException.Reason.FOREIGN_DATABASE));
        try (Connection c = pg.superuser(name); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsExplainedInSwedish() {
        assertThatThrownBy(() -> Database.open(pg.url("finns_inte")))
                .isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("Databasen finns_inte finns inte");
    }

    @Test
    void theServerSchemaVersionConstantIsTheNewestServerMigration() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(pg.jdbcUrl("postgres"));
        ds.setUser("postgres");
        ds.setPassword(TestPostgres.SUPERUSER_PASSWORD);
        MigrationInfo[] all = Flyway.configure().dataSource(ds).locations("classpath:db/postgresql")
                .table("kvh_probe_history").load().info().all();
        MigrationVersion newest = Arrays.stream(all).map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(newest).isEqualTo(PostgresServer.latestServerVersion());
    }
}

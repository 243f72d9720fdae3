package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;

/**
 * V36 (decision 0034): a file whose "Mitt namn" was kept in app_setting keeps it after the upgrade, now as the
 * file's one person's own preference, and the database-wide value is gone (it would be everybody's on a server).
 */
class MyNameMigrationTest {
    @TempDir
    Path dir;

    @Test
    void theNameChosenBeforeIsStillMineAndSignsMyChanges() throws Exception {
        Path file = dir.resolve("old.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", "INTEGER PRIMARY KEY", "sqlite_only", "")).target("34").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('user.displayName', 'Anna Berg')");
        }
        try (AppContext ctx = new AppContext(Database.open(file), TestDb.clock())) {
            assertThat(ctx.settingsService().load().myName()).isEqualTo("Anna Berg");
            assertThat(ctx.settingsService().actingName()).isEqualTo("Anna Berg");
            assertThat(ctx.settingsService().actingNameChosen()).isTrue();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM app_setting WHERE setting_key = 'user.displayName'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}

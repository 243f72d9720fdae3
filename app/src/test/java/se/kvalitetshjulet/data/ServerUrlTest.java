package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server addresses and passwords as psql users write them (decision 10). */
class ServerUrlTest {
    @TempDir
    Path home;

    @Test
    void anAddressGivesUserHostPortDatabaseAndSslmode() {
        ServerUrl u = ServerUrl.parse("postgresql://anna.svensson@db.kommun.se:6432/kvalitet?sslmode=verify-full");
        assertThat(u.user()).isEqualTo("anna.svensson");
        assertThat(u.host()).isEqualTo("db.kommun.se");
        assertThat(u.port()).isEqualTo(6432);
        assertThat(u.database()).isEqualTo("kvalitet");
        assertThat(u.sslmode()).isEqualTo("verify-full");
        assertThat(u.jdbcUrl()).startsWith("jdbc:postgresql://db.kommun.se:6432/kvalitet?").contains("sslmode=verify-full");
        assertThat(u).hasToString("postgresql://anna.svensson@db.kommun.se:6432/kvalitet?sslmode=verify-full");
    }

    @Test
    void portAndDatabaseDefaultAsInPsql() {
        ServerUrl u = ServerUrl.parse("postgres://bo@db");
        assertThat(u.port()).isEqualTo(5432);
        assertThat(u.database()).isEqualTo("bo");
        assertThat(ServerUrl.isServerUrl("/home/bo/kvalitetshjulet.db")).isFalse();
        assertThat(ServerUrl.isServerUrl("C:\\Users\\bo\\kvalitet.db")).isFalse();
    }

    @Test
    void aPasswordInTheAddressAnUnknownParameterOrSslmodeAreRefusedInSwedish() {
        assertThatThrownBy(() -> ServerUrl.parse("postgresql://anna:hemligt@db/kvalitet"))
                .hasMessageContaining("Skriv inte lösenordet");
        assertThatThrownBy(() -> ServerUrl.parse("postgresql://anna@db/kvalitet?ssl=true"))
                .hasMessageContaining("Okänd parameter 'ssl'");
        assertThatThrownBy(() -> ServerUrl.parse("postgresql://anna@/kvalitet")).hasMessageContaining("saknar värd");
    }

    @Test
    void thePasswordComesFromPgpasswordThenThePasswordFileFirstMatchWins() throws Exception {
        ServerUrl u = ServerUrl.parse("postgresql://anna@db.kommun.se/kvalitet");
        Files.writeString(home.resolve(".pgpass"), """
                # IT:s fil
                other.host:5432:*:anna:fel
                db.kommun.se:5432:kvalitet:anna:r\\:tt
                *:*:*:anna:också-fel
                """);
        assertThat(PgPassword.find(u, Map.of(), home)).contains("r:tt");
        assertThat(PgPassword.find(u, Map.of("PGPASSWORD", "från-miljön"), home)).contains("från-miljön");
        Path other = home.resolve("annan.pgpass");
        Files.writeString(other, "*:*:*:*:jokern\n");
        assertThat(PgPassword.find(u, Map.of("PGPASSFILE", other.toString()), home)).contains("jokern");
        assertThat(PgPassword.find(ServerUrl.parse("postgresql://bo@db/x"), Map.of(), home)).isEmpty();
    }
}

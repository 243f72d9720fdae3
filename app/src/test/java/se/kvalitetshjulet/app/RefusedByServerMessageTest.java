package se.kvalitetshjulet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** A refusal by the server's grants or policies (SQLSTATE 42501) reads as a Swedish sentence (decision 0034). */
class RefusedByServerMessageTest {
    @Test
    void aRefusedRoleIsToldWhatHappenedAndWhomToAsk() {
        var refused = new DataAccessException("SQL [update app_setting …]; ERROR: permission denied for table app_setting",
                new SQLException("ERROR: permission denied for table app_setting", "42501"));
        String text = FailureMessages.explain(refused);
        assertThat(text).startsWith("Servern tillåter inte din roll att göra det här, så ingenting har sparats.")
                .contains("server grant").doesNotContain("permission denied").doesNotContain("app_setting");
    }

    @Test
    void anotherServerErrorIsNotCalledARefusal() {
        var other = new DataAccessException("SQL [...]", new SQLException("ERROR: deadlock detected", "40P01"));
        assertThat(FailureMessages.explain(other)).doesNotContain("din roll");
    }
}

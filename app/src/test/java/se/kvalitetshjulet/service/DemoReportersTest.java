package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * h6 (issue 15): the demo municipality has many reporters, as a real one does: each unit's section chief and staff
 * register its cases, and the person running the demo reported a handful of them, so "Mina rapporterade avvikelser"
 * shows those few and not the whole register.
 */
class DemoReportersTest {
    @TempDir
    Path dir;

    @Test
    void theDemosCasesAreReportedByTheUnitsPeopleAndAHandfulByTheDemosOwnUser() throws Exception {
        try (AppContext demo = TestDb.demo(dir)) {
            String me = demo.actor().get();
            long all = demo.deviationService().count(DeviationFilter.all());
            long mine = demo.deviationService().countRegisteredBy(me);

            assertThat(mine).as("my reported deviations").isBetween(3L, 6L);

            Map<String, Long> byReporter = new HashMap<>();
            Map<Long, Long> reportersPerUnit = new HashMap<>();
            for (var r : demo.database().dsl().fetch("SELECT registered_by, count(*) FROM deviation GROUP BY registered_by")) {
                byReporter.put(r.get(0, String.class), r.get(1, Long.class));
            }
            for (var r : demo.database().dsl().fetch(
                    "SELECT unit_id, count(DISTINCT registered_by) FROM deviation GROUP BY unit_id")) {
                reportersPerUnit.put(r.get(0, Long.class), r.get(1, Long.class));
            }
            assertThat(byReporter).doesNotContainKey(null);
            assertThat(byReporter.size()).as("people who reported").isGreaterThanOrEqualTo(40);
            assertThat(byReporter.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                    .as("nobody reported a large share of the register").isLessThan(all / 10);
            assertThat(reportersPerUnit.values()).as("every unit's cases come from several of its people")
                    .allMatch(n -> n >= 3);
        }
    }
}

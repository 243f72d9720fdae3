package se.kvalitetshjulet.service;

import java.util.function.Supplier;

import se.kvalitetshjulet.data.StaleRecordException;
import se.kvalitetshjulet.data.repo.DeviationRepository;

/**
 * Writes of an action (a deviation's measure, a council decision, any action_item) guarded by its version (decision
 * 0029): a stale version, or SQLite's stale snapshot of an action that changed meanwhile, becomes a
 * {@link RecordChangedException} naming who changed it and when.
 */
final class MeasureWrites {
    private MeasureWrites() {
    }

    static <T> T guarded(DeviationRepository repo, Long id, Long expectedVersion, Supplier<T> write) {
        try {
            return write.get();
        } catch (StaleRecordException stale) {
            throw changed(repo, stale.id());
        } catch (org.jooq.exception.DataAccessException e) {
            if (id != null && expectedVersion != null
                    && repo.measureVersionIfAny(id).map(v -> v != expectedVersion.longValue()).orElse(false)) {
                throw changed(repo, id);
            }
            throw e;
        }
    }

    static RecordChangedException changed(DeviationRepository repo, long id) {
        var last = repo.lastMeasureChange(id).orElse(null);
        return new RecordChangedException("Åtgärden", last == null ? null : last.actor(), last == null ? null : last.at(),
                "Läs in åtgärden igen för att se ändringen, och gör sedan din ändring på nytt.");
    }
}

package se.kvalitetshjulet.ui.deviation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.me.Me;
import se.kvalitetshjulet.domain.me.RegisterDefaults;
import se.kvalitetshjulet.service.OrganisationService;

/**
 * The register's "Mina enheter" (from Inställningar or the login's grants) and "Bara öppna", and how the register
 * opens for me (decision 0027); held by {@link DeviationListViewModel}.
 */
final class RegisterScope {
    /** The cases still being handled: everything not closed (AVSLUTAD). */
    static final Set<DeviationStatus> OPEN = EnumSet.of(DeviationStatus.REGISTRERAD, DeviationStatus.UTREDNING,
            DeviationStatus.BEDOMD, DeviationStatus.ATGARDAD);

    /** What the two check boxes say, read on the FX thread. */
    record Snapshot(boolean myUnits, List<Long> roots, boolean openOnly) { }

    final BooleanProperty myUnitsOnly = new SimpleBooleanProperty();
    final BooleanProperty openOnly = new SimpleBooleanProperty();
    final ObjectProperty<Me> me = new SimpleObjectProperty<>(Me.nobody());

    /** The register as I want it to open (Inställningar → Avvikelseregistret öppnas med), once per session. */
    void applyDefaults(RegisterDefaults d, ObjectProperty<LocalDate> from, LocalDate today) {
        myUnitsOnly.set(d.myUnits() && !me.get().units().isEmpty());
        openOnly.set(d.openOnly());
        if (from.get() == null) {
            from.set(d.period().from(today));
        }
    }

    void clear() {
        myUnitsOnly.set(false);
        openOnly.set(false);
    }

    Snapshot now() {
        return new Snapshot(myUnitsOnly.get() && !me.get().units().isEmpty(), me.get().units(), openOnly.get());
    }

    /** The filter narrowed to my units (within any unit chosen) and to open cases (unless a status is chosen). */
    static DeviationFilter scoped(DeviationFilter f, Snapshot s, OrganisationService organisation) {
        if (s.myUnits()) {
            Set<Long> mine = organisation.unitsScope(s.roots());
            if (f.unitIds() != null) {
                mine.retainAll(f.unitIds());
            }
            f = f.withUnits(mine);
        }
        if (s.openOnly() && f.statuses().isEmpty()) {
            f = f.withStatuses(OPEN);
        }
        return f;
    }
}

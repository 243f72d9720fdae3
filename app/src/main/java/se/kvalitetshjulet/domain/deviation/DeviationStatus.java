package se.kvalitetshjulet.domain.deviation;

import java.util.EnumSet;
import java.util.Set;

/** Arbetsflöde: registrerad → utredning → bedömd → åtgärdad → uppföljd/avslutad. */
public enum DeviationStatus {
    REGISTRERAD, UTREDNING, BEDOMD, ATGARDAD, AVSLUTAD;

    /** The statuses a user may move a record to from this one. */
    public Set<DeviationStatus> allowedNext() {
        return switch (this) {
            case REGISTRERAD -> EnumSet.of(UTREDNING);
            case UTREDNING -> EnumSet.of(BEDOMD);
            // An assessment without need for measures (e.g. "inget missförhållande") may be closed directly.
            case BEDOMD -> EnumSet.of(ATGARDAD, AVSLUTAD, UTREDNING);
            case ATGARDAD -> EnumSet.of(AVSLUTAD, BEDOMD);
            // Reopening sends the case back to investigation.
            case AVSLUTAD -> EnumSet.of(UTREDNING);
        };
    }

    public boolean mayMoveTo(DeviationStatus next) {
        return allowedNext().contains(next);
    }

    /** The deadline of a kind (e.g. answer a complaint within four weeks) is met once assessed. */
    public boolean deadlineMet() {
        return ordinal() >= BEDOMD.ordinal();
    }

    public boolean isOpen() {
        return this != AVSLUTAD;
    }
}

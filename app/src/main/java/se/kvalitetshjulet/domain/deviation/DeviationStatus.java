package se.kvalitetshjulet.domain.deviation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Arbetsflöde: registrerad → utredning → bedömd → åtgärdad → uppföljd/avslutad. The ordinary next steps only go
 * forward; going back ("Skicka tillbaka till …") and reopening a closed case ("Återöppna …") are separate,
 * explicit steps that need a written reason (see {@link DeviationRules#checkStepBack}).
 */
public enum DeviationStatus {
    REGISTRERAD, UTREDNING, BEDOMD, ATGARDAD, AVSLUTAD;

    /** The statuses a user may move a record forward to from this one (a closed case has none). */
    public Set<DeviationStatus> allowedNext() {
        return switch (this) {
            case REGISTRERAD -> EnumSet.of(UTREDNING);
            case UTREDNING -> EnumSet.of(BEDOMD);
            // An assessment without need for measures (e.g. "inget missförhållande") may be closed directly.
            case BEDOMD -> EnumSet.of(ATGARDAD, AVSLUTAD);
            case ATGARDAD -> EnumSet.of(AVSLUTAD);
            case AVSLUTAD -> EnumSet.noneOf(DeviationStatus.class);
        };
    }

    /**
     * The statuses a record may be sent back to, with a reason: one step back while open; a closed case is
     * reopened to investigation (a reopened case is investigated again, then assessed and followed up).
     */
    public Set<DeviationStatus> allowedBack() {
        return switch (this) {
            case REGISTRERAD -> EnumSet.noneOf(DeviationStatus.class);
            case UTREDNING -> EnumSet.of(REGISTRERAD);
            case BEDOMD -> EnumSet.of(UTREDNING);
            case ATGARDAD -> EnumSet.of(BEDOMD);
            case AVSLUTAD -> EnumSet.of(UTREDNING);
        };
    }

    public boolean mayMoveTo(DeviationStatus next) {
        return allowedNext().contains(next);
    }

    /** Whether going to {@code target} is a step back (or a reopening) rather than forward. */
    public boolean isBackTo(DeviationStatus target) {
        return target.ordinal() < ordinal();
    }

    /** The deadline of a kind (e.g. answer a complaint within four weeks) is met once assessed. */
    public boolean deadlineMet() {
        return ordinal() >= BEDOMD.ordinal();
    }

    public boolean isOpen() {
        return this != AVSLUTAD;
    }
}

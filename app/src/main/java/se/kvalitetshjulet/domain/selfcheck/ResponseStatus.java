package se.kvalitetshjulet.domain.selfcheck;

/** Status för en enhets egenkontroll i en omgång: ej påbörjad, utkast, inskickad, återöppnad. */
public enum ResponseStatus {
    NOT_STARTED, DRAFT, SUBMITTED, REOPENED;

    /** The unit can still change its answers. */
    public boolean editable() {
        return this != SUBMITTED;
    }

    /** Still waiting for the unit (counts as "not answered" for the coordinator). */
    public boolean pending() {
        return this != SUBMITTED;
    }
}

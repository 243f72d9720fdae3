package se.kvalitetshjulet.domain.org;

/** Nivå i organisationen: förvaltning → avdelning → enhet → sektion. */
public enum OrgLevel {
    FORVALTNING, AVDELNING, ENHET, SEKTION;

    /** The level a child of this level normally has, or {@code null} below a section. */
    public OrgLevel childLevel() {
        return this == SEKTION ? null : values()[ordinal() + 1];
    }

    /** A unit may only sit directly under a unit of a higher level. */
    public boolean mayBeChildOf(OrgLevel parent) {
        return parent == null ? this == FORVALTNING : parent.ordinal() < ordinal();
    }
}

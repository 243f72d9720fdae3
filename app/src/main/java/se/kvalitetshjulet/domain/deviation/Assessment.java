package se.kvalitetshjulet.domain.deviation;

/** Bedömning efter utredning; which values apply depends on the kind. */
public enum Assessment {
    MISSFORHALLANDE, PATAGLIG_RISK, INGET_MISSFORHALLANDE,
    ALLVARLIG_VARDSKADA, VARDSKADA, RISK_FOR_VARDSKADA, INGEN_VARDSKADA,
    BEFOGAD, DELVIS_BEFOGAD, EJ_BEFOGAD,
    AVVIKELSE_BEKRAFTAD, INGEN_AVVIKELSE;

    /** Lex Maria: allvarlig vårdskada is serious by definition (PSL 3 kap. 5 §). */
    public boolean seriousByDefinition() {
        return this == ALLVARLIG_VARDSKADA;
    }
}

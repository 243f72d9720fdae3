package se.kvalitetshjulet.domain.deviation;

import java.util.List;

/** Typ av avvikelse (DOMAIN.md §2.3). Default deadlines live in the database and can be changed. */
public enum DeviationKind {
    /** Klagomål/synpunkt från brukare, närstående eller andra; besvaras inom fyra veckor. */
    KLAGOMAL_EXTERN(List.of(Law.SOL, Law.LSS, Law.HSL), 28),
    /** Klagomål/synpunkt från personal. */
    KLAGOMAL_PERSONAL(List.of(Law.SOL, Law.LSS, Law.HSL), 28),
    /** Kvalitetsavvikelse: rutin ej följd, utan skada för den enskilde. */
    KVALITETSAVVIKELSE(List.of(Law.SOL, Law.LSS, Law.HSL), 30),
    /** Lex Sarah: missförhållande eller påtaglig risk för missförhållande. */
    LEX_SARAH(List.of(Law.SOL, Law.LSS), 14),
    /** Lex Maria: vårdskada eller risk för vårdskada (PSL 3 kap. 5 §). */
    LEX_MARIA(List.of(Law.PSL), 14),
    /** HSL-avvikelse: fall, läkemedel, trycksår, infektion, medicinteknik … */
    HSL_AVVIKELSE(List.of(Law.HSL), 30);

    private final List<Law> laws;
    private final int defaultDeadlineDays;

    DeviationKind(List<Law> laws, int defaultDeadlineDays) {
        this.laws = laws;
        this.defaultDeadlineDays = defaultDeadlineDays;
    }

    public List<Law> allowedLaws() {
        return laws;
    }

    public Law defaultLaw() {
        return laws.getFirst();
    }

    public int defaultDeadlineDays() {
        return defaultDeadlineDays;
    }

    /** Kinds whose assessment decides whether the case must be reported to IVO. */
    public boolean reportableToIvo() {
        return this == LEX_SARAH || this == LEX_MARIA;
    }

    public List<Assessment> assessments() {
        return switch (this) {
            case LEX_SARAH -> List.of(Assessment.MISSFORHALLANDE, Assessment.PATAGLIG_RISK, Assessment.INGET_MISSFORHALLANDE);
            case LEX_MARIA -> List.of(Assessment.ALLVARLIG_VARDSKADA, Assessment.VARDSKADA, Assessment.RISK_FOR_VARDSKADA,
                    Assessment.INGEN_VARDSKADA);
            case KLAGOMAL_EXTERN, KLAGOMAL_PERSONAL -> List.of(Assessment.BEFOGAD, Assessment.DELVIS_BEFOGAD, Assessment.EJ_BEFOGAD);
            default -> List.of(Assessment.AVVIKELSE_BEKRAFTAD, Assessment.INGEN_AVVIKELSE);
        };
    }
}

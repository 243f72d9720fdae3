package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;

/**
 * The IVO notification of a serious lex Sarah or lex Maria case beyond its date and reference: who notified
 * (SAS for lex Sarah, MAS or MAR for lex Maria, by role and optionally a name or title), and IVO's decision and
 * its date. Stored as deviation.ivo_notifier_role, ivo_notified_by, ivo_decision, ivo_decision_date.
 */
public record IvoDetails(Notifier notifierRole, String notifiedBy, String decision, LocalDate decisionDate) {
    public static final IvoDetails NONE = new IvoDetails(null, "", "", null);

    /** The roles that notify IVO: socialt ansvarig samordnare, medicinskt ansvarig sjuksköterska / för rehabilitering. */
    public enum Notifier {
        SAS, MAS, MAR;

        /** The roles that notify IVO for a kind: SAS for lex Sarah, MAS or MAR for lex Maria. */
        public static java.util.List<Notifier> forKind(DeviationKind kind) {
            return kind == DeviationKind.LEX_MARIA ? java.util.List.of(MAS, MAR)
                    : kind == DeviationKind.LEX_SARAH ? java.util.List.of(SAS) : java.util.List.of();
        }
    }

    public IvoDetails {
        notifiedBy = notifiedBy == null ? "" : notifiedBy;
        decision = decision == null ? "" : decision;
    }
}

package se.kvalitetshjulet.domain.change;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a screen shows, as far as others' changes are concerned (decision 0030): the database says which table
 * changed, a screen asks to hear about the topics it shows. A change that names no known table concerns no topic.
 */
public enum ChangeTopic {
    /** The register: deviations, their causes and links (and an import of deviations, in the audit trail). */
    DEVIATIONS(Set.of("deviation", "deviation_cause", "deviation_link", "import")),
    /** Improvement actions and measures from every source. */
    ACTIONS(Set.of("action_item")),
    /** Self-check rounds, forms and answers. */
    SELF_CHECKS(Set.of("self_check_round", "self_check_response", "self_check_answer")),
    /** Quality councils: meetings, participants, agenda, reviewed deviations, follow-ups, decisions. */
    COUNCILS(Set.of("council_meeting", "council_participant", "council_agenda_item", "council_reviewed_deviation",
            "council_follow_up", "council_ordered_analysis")),
    /** The organisation tree. */
    ORGANISATION(Set.of("unit"));

    private final Set<String> tables;

    ChangeTopic(Set<String> tables) {
        this.tables = tables;
    }

    /** The tables (and audit-trail entities) that belong to this topic. */
    public Set<String> tables() {
        return tables;
    }

    /** The topics the changed {@code tables} concern. */
    public static Set<ChangeTopic> of(Collection<String> tables) {
        Set<ChangeTopic> out = EnumSet.noneOf(ChangeTopic.class);
        for (ChangeTopic t : values()) {
            for (String table : tables) {
                if (t.tables.contains(table)) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }
}

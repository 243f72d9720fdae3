package se.kvalitetshjulet.domain.council;

import java.time.LocalDate;
import java.util.List;

/**
 * Kvalitetsrådsmöte: one meeting of a unit's or section's quality council, with its participants (name and
 * role), the patterns the council saw and free notes. {@code held} is set when the meeting has taken place.
 * {@code councilTypeId} is the meeting's type from the coordinator's list of council types (Listor och regler), or null.
 */
public record Meeting(Long id, long unitId, LocalDate heldOn, String title, boolean held, String patterns,
                      String notes, List<Participant> participants, Long councilTypeId) {

    public Meeting {
        participants = List.copyOf(participants);
    }

    /** A meeting without a council type. */
    public Meeting(Long id, long unitId, LocalDate heldOn, String title, boolean held, String patterns,
                   String notes, List<Participant> participants) {
        this(id, unitId, heldOn, title, held, patterns, notes, participants, null);
    }

    public Meeting withCouncilType(Long typeId) {
        return new Meeting(id, unitId, heldOn, title, held, patterns, notes, participants, typeId);
    }

    public Meeting withParticipants(List<Participant> p) {
        return new Meeting(id, unitId, heldOn, title, held, patterns, notes, p, councilTypeId);
    }

    public Meeting withPatterns(String p) {
        return new Meeting(id, unitId, heldOn, title, held, p, notes, participants, councilTypeId);
    }

    public Meeting withNotes(String n) {
        return new Meeting(id, unitId, heldOn, title, held, patterns, n, participants, councilTypeId);
    }

    public Meeting withHeld(boolean h) {
        return new Meeting(id, unitId, heldOn, title, h, patterns, notes, participants, councilTypeId);
    }

    /** A participant and the role in which they take part (e.g. enhetschef, sjuksköterska, undersköterska). */
    public record Participant(String name, String role) { }
}

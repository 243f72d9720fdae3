package se.kvalitetshjulet.domain.council;

import java.time.LocalDate;
import java.util.List;

/**
 * Kvalitetsrådsmöte: one meeting of a unit's or section's quality council, with its participants (name and
 * role), the patterns the council saw and free notes. {@code held} is set when the meeting has taken place.
 */
public record Meeting(Long id, long unitId, LocalDate heldOn, String title, boolean held, String patterns,
                      String notes, List<Participant> participants) {

    public Meeting {
        participants = List.copyOf(participants);
    }

    public Meeting withParticipants(List<Participant> p) {
        return new Meeting(id, unitId, heldOn, title, held, patterns, notes, p);
    }

    public Meeting withPatterns(String p) {
        return new Meeting(id, unitId, heldOn, title, held, p, notes, participants);
    }

    public Meeting withNotes(String n) {
        return new Meeting(id, unitId, heldOn, title, held, patterns, n, participants);
    }

    public Meeting withHeld(boolean h) {
        return new Meeting(id, unitId, heldOn, title, h, patterns, notes, participants);
    }

    /** A participant and the role in which they take part (e.g. enhetschef, sjuksköterska, undersköterska). */
    public record Participant(String name, String role) { }
}

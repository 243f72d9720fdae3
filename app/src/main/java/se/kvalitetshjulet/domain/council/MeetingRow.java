package se.kvalitetshjulet.domain.council;

import java.time.LocalDate;

/** A meeting as listed, with its unit's name and how many decisions it took. */
public record MeetingRow(long id, long unitId, String unitName, LocalDate heldOn, String title, boolean held,
                         long decisions) { }

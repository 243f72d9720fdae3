package se.kvalitetshjulet.domain.council;

import java.time.LocalDate;

/** A meeting as listed, with its unit's name, how many decisions it took and its council type's name (or null). */
public record MeetingRow(long id, long unitId, String unitName, LocalDate heldOn, String title, boolean held,
                         long decisions, String councilType) { }

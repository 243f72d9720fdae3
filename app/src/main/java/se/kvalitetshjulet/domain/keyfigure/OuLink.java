package se.kvalitetshjulet.domain.keyfigure;

/**
 * A Kolada organisational unit (ou) and the unit of ours it is.
 *
 * @param ouCode  Kolada's ou id, e.g. "V15E128000101"
 * @param ouTitle Kolada's name for it, or null when the ou list has not been imported
 * @param unitId  our unit
 * @param unit    our unit's path, as Organisation shows it
 */
public record OuLink(String ouCode, String ouTitle, long unitId, String unit) { }

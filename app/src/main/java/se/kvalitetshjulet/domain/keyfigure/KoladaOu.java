package se.kvalitetshjulet.domain.keyfigure;

/** A Kolada organisational unit (ou) as Kolada's /v3/ou lists it: id, name and municipality. */
public record KoladaOu(String code, String title, String municipalityCode) { }

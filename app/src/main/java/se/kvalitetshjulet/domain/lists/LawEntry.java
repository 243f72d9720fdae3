package se.kvalitetshjulet.domain.lists;

/** A law a record can rest on (SOL, LSS, HSL, PSL …) with its name. */
public record LawEntry(String code, String name, int sortOrder) {
}

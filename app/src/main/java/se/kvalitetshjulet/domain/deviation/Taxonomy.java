package se.kvalitetshjulet.domain.deviation;

/** An entry of a configurable list: deviation categories, cause categories, measure types. */
public record Taxonomy(long id, String name, boolean active) {
    @Override
    public String toString() {
        return name;
    }
}

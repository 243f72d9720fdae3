package se.kvalitetshjulet.domain.org;

/** Verksamhetsområde (hemtjänst, särskilt boende, LSS …); configurable data, not an enum. */
public record BusinessArea(long id, String code, String name) {
    @Override
    public String toString() {
        return name;
    }
}

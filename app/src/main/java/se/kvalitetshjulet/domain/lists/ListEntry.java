package se.kvalitetshjulet.domain.lists;

/** One entry of a {@link ListKind} list; {@code id} is null for an entry read from a file. */
public record ListEntry(Long id, String code, String name, boolean active, int sortOrder) {
    @Override
    public String toString() {
        return name;
    }

    public ListEntry withName(String newName) {
        return new ListEntry(id, code, newName, active, sortOrder);
    }
}

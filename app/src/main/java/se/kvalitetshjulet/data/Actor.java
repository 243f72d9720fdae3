package se.kvalitetshjulet.data;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is making changes, for the audit trail: the operating-system user unless the user
 * has chosen a name in the application.
 */
public final class Actor implements Supplier<String> {
    private volatile String chosen;

    @Override
    public String get() {
        String c = chosen;
        return c != null && !c.isBlank() ? c : Objects.requireNonNullElse(System.getProperty("user.name"), "okänd");
    }

    public void choose(String name) {
        this.chosen = name;
    }
}

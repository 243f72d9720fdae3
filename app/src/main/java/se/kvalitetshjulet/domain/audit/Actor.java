package se.kvalitetshjulet.domain.audit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is making changes, for the audit trail: in local mode the name set in Inställningar ("Mitt namn"); only
 * when none is set, the operating-system account, and the audit row says so ({@link #source()}).
 */
public final class Actor implements Supplier<String> {
    /** Where the actor's name came from, stored with each audit row. */
    public static final String SOURCE_CHOSEN = "vald";
    public static final String SOURCE_OS = "os-konto";

    private volatile String chosen;

    @Override
    public String get() {
        String c = chosen;
        return c != null && !c.isBlank() ? c.strip() : Objects.requireNonNullElse(System.getProperty("user.name"), "okänd");
    }

    /** {@link #SOURCE_CHOSEN} when a name was chosen, {@link #SOURCE_OS} for the operating-system fallback. */
    public String source() {
        String c = chosen;
        return c != null && !c.isBlank() ? SOURCE_CHOSEN : SOURCE_OS;
    }

    public boolean chosen() {
        return SOURCE_CHOSEN.equals(source());
    }

    public void choose(String name) {
        this.chosen = name;
    }
}

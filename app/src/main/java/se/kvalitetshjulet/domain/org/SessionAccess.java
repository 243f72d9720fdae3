package se.kvalitetshjulet.domain.org;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the person who opened the database may do, as the client needs to know it to hide what the database would
 * refuse anyway (decision 10; PostgreSQL is the guard). A local file: everything. A server login: the application
 * roles it holds ({@code kvh_*} group roles); a login holding none (the owner who ran {@code server init}) or a
 * superuser is not narrowed by the client.
 */
public record SessionAccess(boolean server, Set<AccessRole> roles) {
    /** A local file, or a server login the client does not narrow. */
    public static final SessionAccess EVERYTHING = new SessionAccess(false, Set.of());

    public SessionAccess {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * Läsare/nämnd and nothing else: aggregates only (counts, trends, key figures), no case table, no free text
     * (issue 15).
     */
    public boolean aggregatesOnly() {
        return server && roles.equals(Set.of(AccessRole.LASARE));
    }
}

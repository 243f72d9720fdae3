package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.AccessRole;

/**
 * Who may do what where in a server database (decision 10): PostgreSQL login roles, membership of the application's
 * group roles, and the {@code server_grant} rows that scope them to units. Used by {@code server grant|revoke|users};
 * needs a login that may manage roles (the owner who ran {@code server init}, with CREATEROLE).
 */
public final class ServerAccess {
    /** A login's role in a unit (and everything below it). */
    public record Grant(String login, AccessRole role, long unitId, LocalDateTime grantedAt, String grantedBy) {
    }

    /** PostgreSQL identifiers are at most 63 bytes; we keep logins to plain characters so they are easy to type. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.@-]{1,63}");
    private static final Table<Record> GRANT = table(name("server_grant"));
    private static final Field<String> LOGIN_F = field(name("login"), String.class);
    private static final Field<String> ROLE_F = field(name("role"), String.class);
    private static final Field<Long> UNIT_F = field(name("unit_id"), Long.class);
    private static final Field<LocalDateTime> AT_F = field(name("granted_at"), LocalDateTime.class);
    private static final Field<String> BY_F = field(name("granted_by"), String.class);

    private final Database db;
    private final AuditTrail audit;

    public ServerAccess(Database db, AuditTrail audit) {
        if (!db.engine().isServer()) {
            throw new IllegalArgumentException("Behörigheter finns bara i en serverdatabas (--db postgresql://…). "
                    + "En lokal databasfil har en användare: den som har filen.");
        }
        this.db = db;
        this.audit = audit;
    }

    /** Null when {@code login} is acceptable, else a Swedish message saying what to write. */
    public static String checkLogin(String login) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            return "Inloggningen '" + login + "' går inte att använda: högst 63 tecken av a–z, A–Z, 0–9, _ . @ -.";
        }
        return null;
    }

    public boolean loginExists(String login) {
        return db.dsl().fetchExists(DSL.selectOne().from(table(name("pg_catalog", "pg_roles")))
                .where(field(name("rolname"), String.class).eq(login)).and(field(name("rolcanlogin"), Boolean.class).isTrue()));
    }

    /** Creates the PostgreSQL login (with a password when given; otherwise IT sets one, e.g. with psql's \password). */
    public void createLogin(String login, String password) {
        if (checkLogin(login) != null) {
            throw new IllegalArgumentException(checkLogin(login));
        }
        db.txRun(tx -> {
            if (password == null) {
                tx.execute("CREATE ROLE {0} LOGIN", name(login));
            } else {
                tx.execute("CREATE ROLE {0} LOGIN PASSWORD {1}", name(login), DSL.inline(password));
            }
        });
    }

    /** Grants {@code role} in {@code unitId} (and below) to {@code login}; true if it was new. One transaction, audited. */
    public boolean grant(String login, AccessRole role, long unitId) {
        return db.tx(tx -> {
            tx.execute("GRANT {0} TO {1}", name(role.databaseRole()), name(login));
            int added = tx.insertInto(GRANT, LOGIN_F, ROLE_F, UNIT_F).values(login, role.cliName(), unitId)
                    .onConflictDoNothing().execute();
            if (added > 0) {
                audit.append(tx, "server_grant", unitId, AuditAction.INSERT, null, record(tx, login, role, unitId));
            }
            return added > 0;
        });
    }

    /**
     * Takes away {@code role} (all roles when null) in {@code unitId} (all units when null) from {@code login}; the
     * group role goes when no unit is left for it. Returns how many grants were removed.
     */
    public int revoke(String login, AccessRole role, Long unitId) {
        return db.tx(tx -> {
            var cond = LOGIN_F.eq(login);
            if (role != null) {
                cond = cond.and(ROLE_F.eq(role.cliName()));
            }
            if (unitId != null) {
                cond = cond.and(UNIT_F.eq(unitId));
            }
            List<Record> gone = tx.select(ROLE_F, UNIT_F).from(GRANT).where(cond).fetch().stream().map(r -> (Record) r).toList();
            tx.deleteFrom(GRANT).where(cond).execute();
            for (Record r : gone) {
                AccessRole ar = AccessRole.fromCli(r.get(ROLE_F)).orElseThrow();
                audit.append(tx, "server_grant", r.get(UNIT_F), AuditAction.DELETE,
                        record(tx, login, ar, r.get(UNIT_F)), null);
            }
            for (AccessRole ar : AccessRole.values()) {
                boolean left = tx.fetchExists(GRANT, LOGIN_F.eq(login).and(ROLE_F.eq(ar.cliName())));
                boolean member = tx.fetchExists(DSL.selectOne().from(table(name("pg_catalog", "pg_auth_members")))
                        .where(DSL.condition("roleid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = {0})",
                                DSL.val(ar.databaseRole())))
                        .and(DSL.condition("member = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = {0})",
                                DSL.val(login))));
                if (!left && member) {
                    tx.execute("REVOKE {0} FROM {1}", name(ar.databaseRole()), name(login));
                }
            }
            return gone.size();
        });
    }

    /** The logged-in person's own grants (any login may ask, through {@code kvh_my_grants()}, db/postgresql V21). */
    public List<se.kvalitetshjulet.domain.me.RoleGrant> myGrants() {
        return db.dsl().resultQuery("SELECT role, unit_id FROM kvh_my_grants()").fetch(r -> new se.kvalitetshjulet
                .domain.me.RoleGrant(AccessRole.fromCli(r.get(0, String.class)).orElseThrow(), r.get(1, Long.class)));
    }

    /** Every grant, by login, role and unit. */
    public List<Grant> grants() {
        return db.dsl().select(LOGIN_F, ROLE_F, UNIT_F, AT_F, BY_F).from(GRANT).orderBy(LOGIN_F, ROLE_F, UNIT_F)
                .fetch(r -> new Grant(r.value1(), AccessRole.fromCli(r.value2()).orElseThrow(), r.value3(), r.value4(),
                        r.value5()));
    }

    private static Record record(DSLContext tx, String login, AccessRole role, long unitId) {
        Record r = tx.newRecord(LOGIN_F, ROLE_F, UNIT_F);
        r.set(LOGIN_F, login);
        r.set(ROLE_F, role.cliName());
        r.set(UNIT_F, unitId);
        return r;
    }
}

package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.audit.AuditAction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;

/**
 * Inställningar: the name that signs changes in local mode ("Mitt namn"), the privacy policy per kind of text,
 * how long free-text history is kept, and the IVO notification rule. Changes to settings are audited too.
 */
public final class SettingsService {
    public static final String MY_NAME = "user.displayName";
    public static final String HISTORY_RETENTION_DAYS = "audit.freeTextRetentionDays";

    /** The settings as the screen edits them; {@code historyRetentionDays} null keeps free-text history forever. */
    public record Values(String myName, PrivacyPolicy policy, Integer historyRetentionDays, int ivoNotificationDays) { }

    private final Database db;
    private final SettingsRepository settings;
    private final TaxonomyRepository taxonomies;
    private final PrivacyService privacy;
    private final AuditTrail audit;
    private final Actor actor;
    private final Clock clock;

    public SettingsService(Database db, SettingsRepository settings, TaxonomyRepository taxonomies,
                           PrivacyService privacy, AuditTrail audit, Actor actor, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.taxonomies = taxonomies;
        this.privacy = privacy;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Reads "Mitt namn" into the actor (at start): until it is set, changes are signed with the OS account. On a
     * server the audit trail names the login whatever the client says (decision 10), so the actor stays the login.
     */
    public void applyMyName() {
        if (!db.engine().isServer()) {
            actor.choose(myName().orElse(null));
        }
    }

    /** h3 (decision 0034): "Mitt namn" is the person's own (user_preference), never the database's. */
    private Optional<String> myName() {
        return userPrefs().get(MY_NAME);
    }

    /**
     * Saves only what is the person's own ("Mitt namn"): what a login that may not change the database's settings
     * saves (decision 0034). Not audited, like every preference; the name signs changes from now on (locally).
     */
    public SaveResult<String> saveMyName(String myName) {
        String name = myName == null ? "" : myName.strip();
        if (name.length() > 200) {
            return SaveResult.rejected(List.of(new Problem("myName", "settings.validation.nameTooLong")));
        }
        userPrefs().put(MY_NAME, name);
        applyMyName();
        return SaveResult.saved(name);
    }

    /** A remembered user preference (filters, "my name" in a list): not audited, it changes no record. */
    public Optional<String> preference(String key) {
        return settings.get(key);
    }

    public void savePreference(String key, String value) {
        settings.put(key, value);
    }

    // --- h2 (issue 18, decision 0027): my units, my roles, personal preferences ---
    public static final String MY_UNITS = "me.units";
    public static final String MY_ROLES = "me.roles";
    /** The register's default filters, per person ({@link se.kvalitetshjulet.domain.me.RegisterDefaults}). */
    public static final String REGISTER_DEFAULTS = "deviations.defaults";
    private se.kvalitetshjulet.data.repo.UserPreferenceRepository userPrefs;

    private se.kvalitetshjulet.data.repo.UserPreferenceRepository userPrefs() {
        if (userPrefs == null) {
            userPrefs = new se.kvalitetshjulet.data.repo.UserPreferenceRepository(db);
        }
        return userPrefs;
    }

    /**
     * One person's remembered choice (filters left on a screen): the login's own on a server, the file's one user
     * locally. Falls back to the value an earlier version kept for the whole database.
     */
    public Optional<String> userPreference(String key) {
        return userPrefs().get(key).or(() -> settings.get(key));
    }

    public void saveUserPreference(String key, String value) {
        userPrefs().put(key, value);
    }

    /** Whether my units and roles come from the server login's grants (then Inställningar shows them read-only). */
    public boolean meFromLogin() {
        return db.engine().isServer();
    }

    /** My units and roles: chosen in Inställningar locally, the login's grants on a server. */
    public se.kvalitetshjulet.domain.me.Me me() {
        if (meFromLogin()) {
            return se.kvalitetshjulet.domain.me.Me.fromGrants(
                    new se.kvalitetshjulet.data.repo.ServerAccess(db, audit).myGrants());
        }
        return new se.kvalitetshjulet.domain.me.Me(
                se.kvalitetshjulet.domain.me.Me.parseUnits(settings.get(MY_UNITS).orElse("")),
                se.kvalitetshjulet.domain.me.Me.parseRoles(settings.get(MY_ROLES).orElse("")), false);
    }

    /**
     * Saves my units and roles (local mode only: on a server they are the grants, {@code server grant}), in one
     * transaction with its audit row. Refused with a problem per field when there are too many or too long roles.
     */
    public SaveResult<se.kvalitetshjulet.domain.me.Me> saveMe(List<Long> units, String rolesText) {
        if (meFromLogin()) {
            return SaveResult.rejected(List.of(new Problem("myUnits", "h2.me.validation.fromLogin")));
        }
        List<String> roles = se.kvalitetshjulet.domain.me.Me.parseRoles(rolesText);
        List<Problem> p = new java.util.ArrayList<>();
        if (roles.size() > se.kvalitetshjulet.domain.me.Me.MAX_ROLES) {
            p.add(new Problem("myRoles", "h2.me.validation.tooManyRoles"));
        }
        if (roles.stream().anyMatch(r -> r.length() > se.kvalitetshjulet.domain.me.Me.MAX_ROLE_LENGTH)) {
            p.add(new Problem("myRoles", "h2.me.validation.roleTooLong"));
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        var before = me();
        var after = new se.kvalitetshjulet.domain.me.Me(units, roles, false);
        if (!before.equals(after)) {
            db.txRun(tx -> {
                settings.put(tx, MY_UNITS, se.kvalitetshjulet.domain.me.Me.formatUnits(after.units()));
                settings.put(tx, MY_ROLES, se.kvalitetshjulet.domain.me.Me.formatRoles(after.roles()));
                audit.appendMaps(tx, "app_setting", 0, AuditAction.UPDATE, meImage(before), meImage(after), null);
            });
        }
        return SaveResult.saved(me());
    }

    private static java.util.Map<String, Object> meImage(se.kvalitetshjulet.domain.me.Me me) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("my_units", se.kvalitetshjulet.domain.me.Me.formatUnits(me.units()));
        m.put("my_roles", se.kvalitetshjulet.domain.me.Me.formatRoles(me.roles()));
        return m;
    }

    /** How the register opens for me. */
    public se.kvalitetshjulet.domain.me.RegisterDefaults registerDefaults() {
        return se.kvalitetshjulet.domain.me.RegisterDefaults.parse(userPreference(REGISTER_DEFAULTS).orElse(""));
    }

    public void saveRegisterDefaults(se.kvalitetshjulet.domain.me.RegisterDefaults d) {
        saveUserPreference(REGISTER_DEFAULTS, d.format());
    }

    /** Whether this database was made by {@code demo} (the title bar says so). */
    public boolean isDemo() {
        return settings.isDemo();
    }

    /** The name that signs changes now: the chosen one, or the operating-system account. */
    public String actingName() {
        return actor.get();
    }

    /** Whether a name was chosen in Inställningar (otherwise the OS account signs). */
    public boolean actingNameChosen() {
        return actor.chosen();
    }

    public Values load() {
        return new Values(myName().orElse(""), privacy.policy(),
                settings.get(HISTORY_RETENTION_DAYS).filter(s -> !s.isBlank()).map(Integer::valueOf).orElse(null),
                taxonomies.deadlines().ivoNotificationDays());
    }

    public SaveResult<Values> save(Values v) {
        List<Problem> p = new java.util.ArrayList<>();
        String name = v.myName() == null ? "" : v.myName().strip();
        if (name.length() > 200) {
            p.add(new Problem("myName", "settings.validation.nameTooLong"));
        }
        if (v.historyRetentionDays() != null && v.historyRetentionDays() < 30) {
            p.add(new Problem("retention", "settings.validation.retentionTooShort"));
        }
        if (v.ivoNotificationDays() < 1 || v.ivoNotificationDays() > 90) {
            p.add(new Problem("ivoDays", "settings.validation.ivoDaysRange"));
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        Values before = load();
        db.txRun(tx -> {
            userPrefs().put(tx, MY_NAME, name); // h3: the person's own (decision 0034)
            for (var k : PrivacyPolicy.TextKind.values()) {
                settings.put(tx, PrivacyPolicy.SETTING_PREFIX + k.name(), v.policy().mode(k).name());
            }
            settings.put(tx, HISTORY_RETENTION_DAYS, v.historyRetentionDays() == null ? "" : v.historyRetentionDays().toString());
            taxonomies.saveIvoNotificationDays(tx, v.ivoNotificationDays());
            Values after = new Values(name, v.policy(), v.historyRetentionDays(), v.ivoNotificationDays());
            if (!before.equals(after)) {
                audit.appendMaps(tx, "app_setting", 0, AuditAction.UPDATE, image(before), image(after), null);
            }
        });
        // Changes from now on are signed with the new name (the change of name itself with the old one).
        applyMyName();
        applyRetention();
        return SaveResult.saved(load());
    }

    private static java.util.Map<String, Object> image(Values v) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("my_name", v.myName());
        for (var k : PrivacyPolicy.TextKind.values()) {
            m.put("privacy_" + k.name().toLowerCase(java.util.Locale.ROOT), v.policy().mode(k).name());
        }
        m.put("history_retention_days", v.historyRetentionDays());
        m.put("ivo_notification_days", v.ivoNotificationDays());
        return m;
    }

    /** Gallring of free-text history older than the retention setting; the number of audit rows purged. */
    public int applyRetention() {
        Optional<Integer> days = settings.get(HISTORY_RETENTION_DAYS).filter(s -> !s.isBlank()).map(Integer::valueOf);
        if (days.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        return audit.purgeFreeTextBefore(today.minusDays(days.get()), today);
    }
}

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

    /** Reads "Mitt namn" into the actor (at start): until it is set, changes are signed with the OS account. */
    public void applyMyName() {
        actor.choose(settings.get(MY_NAME).orElse(null));
    }

    /** A remembered user preference (filters, "my name" in a list): not audited, it changes no record. */
    public Optional<String> preference(String key) {
        return settings.get(key);
    }

    public void savePreference(String key, String value) {
        settings.put(key, value);
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
        return new Values(settings.get(MY_NAME).orElse(""), privacy.policy(),
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
            settings.put(tx, MY_NAME, name);
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
        actor.choose(name);
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

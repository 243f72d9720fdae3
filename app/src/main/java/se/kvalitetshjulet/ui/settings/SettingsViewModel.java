package se.kvalitetshjulet.ui.settings;

import se.kvalitetshjulet.domain.audit.AuditVerification;
import java.util.EnumMap;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.SettingsService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Inställningar: "Mitt namn" (who signs changes in local mode), the privacy policy per kind of text, how long
 * free-text history is kept, the IVO notification rule, and a check of the audit trail. Other features add their
 * own sections to the screen.
 */
public final class SettingsViewModel {
    private final SettingsContext ctx;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final SaveFlow saves;

    private final StringProperty myName = new SimpleStringProperty("");
    private final Map<TextKind, ObjectProperty<Mode>> modes = new EnumMap<>(TextKind.class);
    private final StringProperty retentionDays = new SimpleStringProperty("");
    private final StringProperty ivoDays = new SimpleStringProperty("7");
    private final StringProperty actorNote = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty verifyResult = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final Command save;
    private final Command verify;
    /** h2: my units, my roles, the register's defaults (decision 0027). */
    private final PersonalSettings personal;

    public SettingsViewModel(SettingsContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.i18n = i18n;
        for (TextKind k : TextKind.values()) {
            modes.put(k, new SimpleObjectProperty<>(Mode.WARN));
        }
        personal = new PersonalSettings(i18n);
        saves = new SaveFlow(tasks, dialogs, problems, busy, SaveFlow.distinctLines(i18n));
        save = new Command(this::save, loaded.and(busy.not()));
        verify = new Command(this::verify, busy.not());
    }

    public void load() {
        busy.set(true);
        tasks.run(i18n.get("settings.loading"), p -> new Loaded(ctx.settingsService().load(), PersonalSettings.read(ctx)),
                this::apply, e -> {
            busy.set(false);
            saves.failed(e);
        });
    }

    private record Loaded(SettingsService.Values values, PersonalSettings.Data personal) { }

    private void apply(Loaded l) {
        personal.apply(l.personal());
        apply(l.values());
    }

    private void apply(SettingsService.Values v) {
        myName.set(v.myName());
        for (TextKind k : TextKind.values()) {
            modes.get(k).set(v.policy().mode(k));
        }
        retentionDays.set(v.historyRetentionDays() == null ? "" : v.historyRetentionDays().toString());
        ivoDays.set(Integer.toString(v.ivoNotificationDays()));
        actorNote.set(ctx.settingsService().actingNameChosen() ? i18n.get("settings.myName.signed", ctx.settingsService().actingName())
                : i18n.get("settings.myName.osFallback", ctx.settingsService().actingName()));
        loaded.set(true);
        busy.set(false);
    }

    private void save() {
        Integer retention;
        int ivo;
        try {
            retention = retentionDays.get() == null || retentionDays.get().isBlank() ? null
                    : Integer.valueOf(retentionDays.get().strip());
        } catch (NumberFormatException e) {
            problems.set(i18n.get("settings.validation.retentionNotNumber"));
            return;
        }
        try {
            ivo = Integer.parseInt(ivoDays.get().strip());
        } catch (NumberFormatException e) {
            problems.set(i18n.get("settings.validation.ivoDaysRange"));
            return;
        }
        PrivacyPolicy policy = PrivacyPolicy.warnEverywhere();
        for (TextKind k : TextKind.values()) {
            policy = policy.with(k, modes.get(k).get());
        }
        var values = new SettingsService.Values(myName.get(), policy, retention, ivo);
        PersonalSettings.Choice mine = personal.choice();
        boolean general = general();
        saves.save(i18n.get("settings.saving"), p -> {
            SaveResult<SettingsService.Values> saved;
            if (general) {
                saved = ctx.settingsService().save(values);
            } else {
                // h3 (decision 0034): only what is the person's own; the database's settings are not theirs to save
                SaveResult<String> name = ctx.settingsService().saveMyName(values.myName());
                saved = name.ok() ? SaveResult.saved(ctx.settingsService().load())
                        : SaveResult.rejected(name.problems());
            }
            if (!saved.ok()) {
                return SaveResult.<Loaded>rejected(saved.problems());
            }
            SaveResult<PersonalSettings.Data> me = PersonalSettings.save(ctx, mine);
            return me.ok() ? SaveResult.saved(new Loaded(saved.value(), me.value()))
                    : SaveResult.<Loaded>rejected(me.problems());
        }, (Loaded l) -> {
            apply(l);
            notice.set(i18n.get("settings.saved"));
        });
    }

    private void verify() {
        busy.set(true);
        tasks.run(i18n.get("settings.audit.verifying"), p -> ctx.auditService().verify(), (AuditVerification v) -> {
            busy.set(false);
            verifyResult.set(v.intact() ? i18n.get("settings.audit.intact", v.rows())
                    : i18n.get("settings.audit.broken", v.breaks().size(), v.breaks().stream().limit(5)
                            .map(b -> (b.id() == 0 ? "" : "#" + b.id() + " ") + b.problem())
                            .reduce((a, b) -> a + "\n" + b).orElse("")));
        }, e -> {
            busy.set(false);
            saves.failed(e);
        });
    }

    /**
     * h3 (decision 0034): whether this login may change the database's own settings (privacy policy, history
     * retention, IVO days, the audit check); otherwise the screen shows and saves the personal settings only.
     */
    public boolean general() {
        return ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.GENERAL_SETTINGS);
    }

    /** What this login may do (decision 0034). */
    public se.kvalitetshjulet.domain.org.Permissions permissions() {
        return ctx.permissions();
    }

    public StringProperty myNameProperty() { return myName; }
    public PersonalSettings personal() { return personal; }
    public ObjectProperty<Mode> modeProperty(TextKind kind) { return modes.get(kind); }
    public StringProperty retentionDaysProperty() { return retentionDays; }
    public StringProperty ivoDaysProperty() { return ivoDays; }
    public StringProperty actorNoteProperty() { return actorNote; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty noticeProperty() { return notice; }
    public StringProperty verifyResultProperty() { return verifyResult; }
    public BooleanProperty busyProperty() { return busy; }
    public Command saveCommand() { return save; }
    public Command verifyCommand() { return verify; }
}

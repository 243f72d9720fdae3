package se.kvalitetshjulet.ui.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.me.Me;
import se.kvalitetshjulet.domain.me.RegisterDefaults;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The personal part of Inställningar (issue 18, decision 0027), held by {@link SettingsViewModel}: my units (ticked
 * in the organisation tree, several allowed), my roles (the words used as responsible, "Enhetschef, MAS"), and how
 * the deviation register opens for me. On a server my units and roles are the login's grants, shown read-only.
 */
public final class PersonalSettings {
    /** What the screen shows, read in the background. */
    record Data(List<Unit> units, Me me, RegisterDefaults defaults, List<Map.Entry<String, Integer>> common) { }

    /** What the user chose, read on the FX thread before saving. */
    record Choice(List<Long> units, String roles, RegisterDefaults defaults) { }

    private final I18n i18n;
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final Map<Long, BooleanProperty> chosen = new HashMap<>();
    private final StringProperty roles = new SimpleStringProperty("");
    private final BooleanProperty fromLogin = new SimpleBooleanProperty();
    private final StringProperty fromLoginText = new SimpleStringProperty("");
    private final StringProperty commonHint = new SimpleStringProperty("");
    private final StringProperty chosenCount = new SimpleStringProperty("");
    private final BooleanProperty defaultMyUnits = new SimpleBooleanProperty();
    private final BooleanProperty defaultOpenOnly = new SimpleBooleanProperty();
    private final ObjectProperty<RegisterDefaults.Period> defaultPeriod =
            new SimpleObjectProperty<>(RegisterDefaults.Period.ALL);

    PersonalSettings(I18n i18n) {
        this.i18n = i18n;
    }

    static Data read(SettingsContext ctx) {
        return new Data(ctx.organisationService().tree().all(), ctx.settingsService().me(),
                ctx.settingsService().registerDefaults(), ctx.actionService().commonResponsibles(5));
    }

    void apply(Data d) {
        chosen.clear();
        for (Unit u : d.units()) {
            BooleanProperty p = new SimpleBooleanProperty(d.me().units().contains(u.id()));
            p.addListener((o, a, b) -> updateCount());
            chosen.put(u.id(), p);
        }
        units.setAll(d.units());
        roles.set(Me.formatRoles(d.me().roles()));
        fromLogin.set(d.me().fromLogin());
        if (d.me().fromLogin()) {
            String names = String.join(", ", d.me().units().stream().map(id -> d.units().stream()
                    .filter(u -> u.id().equals(id)).map(Unit::name).findFirst().orElse("#" + id)).toList());
            fromLoginText.set(d.me().units().isEmpty() ? i18n.get("h2.me.fromLogin.none")
                    : i18n.get("h2.me.fromLogin", names, Me.formatRoles(d.me().roles())));
        } else {
            fromLoginText.set("");
        }
        commonHint.set(d.common().isEmpty() ? "" : i18n.get("h2.me.roles.common", String.join(", ", d.common().stream()
                .map(e -> i18n.get("h2.me.roles.commonOne", e.getKey(), e.getValue())).toList())));
        defaultMyUnits.set(d.defaults().myUnits());
        defaultOpenOnly.set(d.defaults().openOnly());
        defaultPeriod.set(d.defaults().period());
        updateCount();
    }

    private void updateCount() {
        long n = chosen.values().stream().filter(BooleanProperty::get).count();
        chosenCount.set(n == 0 ? i18n.get("h2.me.units.none") : i18n.get("h2.me.units.count", n));
    }

    Choice choice() {
        List<Long> ids = units.stream().map(Unit::id).filter(id -> chosen.get(id) != null && chosen.get(id).get())
                .toList();
        return new Choice(ids, roles.get(), new RegisterDefaults(defaultMyUnits.get(), defaultOpenOnly.get(),
                defaultPeriod.get()));
    }

    /** Saves the choice (in the background): my units and roles unless they come from the login, then the defaults. */
    static SaveResult<Data> save(SettingsContext ctx, Choice c) {
        if (!ctx.settingsService().meFromLogin()) {
            SaveResult<Me> me = ctx.settingsService().saveMe(c.units(), c.roles());
            if (!me.ok()) {
                return SaveResult.rejected(me.problems());
            }
        }
        ctx.settingsService().saveRegisterDefaults(c.defaults());
        return SaveResult.saved(read(ctx));
    }

    public ObservableList<Unit> units() { return units; }
    /** Whether the unit is one of mine (ticked). */
    public BooleanProperty chosen(Unit u) {
        return chosen.computeIfAbsent(u.id(), id -> new SimpleBooleanProperty());
    }
    public StringProperty rolesProperty() { return roles; }
    public BooleanProperty fromLoginProperty() { return fromLogin; }
    public StringProperty fromLoginTextProperty() { return fromLoginText; }
    public StringProperty commonHintProperty() { return commonHint; }
    public StringProperty chosenCountProperty() { return chosenCount; }
    public BooleanProperty defaultMyUnitsProperty() { return defaultMyUnits; }
    public BooleanProperty defaultOpenOnlyProperty() { return defaultOpenOnly; }
    public ObjectProperty<RegisterDefaults.Period> defaultPeriodProperty() { return defaultPeriod; }
}

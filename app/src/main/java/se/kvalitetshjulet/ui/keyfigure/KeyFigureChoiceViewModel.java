package se.kvalitetshjulet.ui.keyfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * "Urval": choosing the KPIs to follow from Kolada's catalogue and the municipalities to compare with, as search
 * lists. Typing part of an id or a title ("N210", "kontinuitet", "trygg") lists the matching KPIs; typing part of a
 * name or code lists municipalities, counties, groups ("Liknande kommuner …") and Riket. Every search and every change
 * runs on the {@link TaskRunner}; a change is saved at once (one audit row) and {@code onChanged} tells the screen.
 */
public final class KeyFigureChoiceViewModel {
    static final int HIT_LIMIT = 100;

    /** A comparison municipality as listed: code, name and the role it was chosen in. */
    public record ComparedMunicipality(String code, String name, ComparisonRole role) { }

    private final KeyFigureService keyFigures;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable onChanged;
    private String own;

    private final StringProperty kpiQuery = new SimpleStringProperty("");
    private final ObservableList<Kpi> kpiHits = FXCollections.observableArrayList();
    private final ObservableList<Kpi> followed = FXCollections.observableArrayList();
    private final StringProperty kpiMessage = new SimpleStringProperty("");
    private final StringProperty municipalityQuery = new SimpleStringProperty("");
    private final ObservableList<Municipality> municipalityHits = FXCollections.observableArrayList();
    private final ObservableList<ComparedMunicipality> comparisons = FXCollections.observableArrayList();
    /** The role a municipality is added in; {@code null}: the likely one (Riket, county, "Liknande …", other). */
    private final ObjectProperty<ComparisonRole> role = new SimpleObjectProperty<>();
    private final StringProperty municipalityMessage = new SimpleStringProperty("");

    public KeyFigureChoiceViewModel(KeyFigureService keyFigures, TaskRunner tasks, DialogService dialogs, I18n i18n,
                                    Runnable onChanged) {
        this.keyFigures = keyFigures;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onChanged = onChanged;
        kpiQuery.addListener((o, a, q) -> searchKpis());
        municipalityQuery.addListener((o, a, q) -> searchMunicipalities());
    }

    /** What the lists show first: the followed KPIs, the comparisons, and the first hits of both searches. */
    private record Loaded(List<Kpi> followed, List<ComparedMunicipality> comparisons, String own) { }

    public void refresh() {
        tasks.runLatest("kf.choice.load", i18n.get("kf.loading"), p -> load(), l -> {
            own = l.own();
            followed.setAll(l.followed());
            comparisons.setAll(l.comparisons());
        }, dialogs::showUnexpected);
        searchKpis();
        searchMunicipalities();
    }

    private Loaded load() {
        Map<String, Municipality> known = keyFigures.municipalities();
        List<ComparedMunicipality> cs = new ArrayList<>();
        for (ComparisonChoice c : keyFigures.comparisons()) {
            Municipality m = known.get(c.code());
            cs.add(new ComparedMunicipality(c.code(), m == null || m.title() == null ? keyFigures.municipalityName(c.code())
                    : m.title(), c.role()));
        }
        return new Loaded(keyFigures.followed(), cs, keyFigures.ownMunicipality().orElse(null));
    }

    private void searchKpis() {
        String q = kpiQuery.get();
        tasks.runLatest("kf.choice.kpiSearch", i18n.get("kf.choice.searching"), p -> keyFigures.search(q, HIT_LIMIT),
                hits -> {
                    kpiHits.setAll(hits);
                    kpiMessage.set(hits.isEmpty() ? i18n.get("kf.choice.noKpiHits", q == null ? "" : q.strip())
                            : hits.size() >= HIT_LIMIT ? i18n.get("kf.choice.manyHits", HIT_LIMIT) : "");
                }, dialogs::showUnexpected);
    }

    private void searchMunicipalities() {
        String q = municipalityQuery.get();
        tasks.runLatest("kf.choice.municipalitySearch", i18n.get("kf.choice.searching"),
                p -> keyFigures.searchMunicipalities(q, HIT_LIMIT), hits -> {
                    municipalityHits.setAll(hits);
                    String typed = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
                    municipalityMessage.set(!hits.isEmpty() ? "" : KeyFigureService.comparableCode(typed)
                            ? i18n.get("kf.choice.unknownCode", typed) : i18n.get("kf.choice.noMunicipalityHits", typed));
                }, dialogs::showUnexpected);
    }

    // ---- the followed KPIs -----------------------------------------------------------------

    public boolean isFollowed(Kpi k) {
        return k != null && followed.stream().anyMatch(f -> f.id().equals(k.id()));
    }

    /** Adds the KPI at the end of the followed ones (nothing when it is followed already). */
    public void follow(Kpi k) {
        if (k == null || isFollowed(k)) {
            if (k != null) {
                kpiMessage.set(i18n.get("kf.choice.alreadyFollowed", k.id()));
            }
            return;
        }
        List<Kpi> next = new ArrayList<>(followed);
        next.add(k);
        saveFollowed(next, i18n.get("kf.choice.followed", k.id()));
    }

    public void unfollow(Kpi k) {
        if (k == null || !isFollowed(k)) {
            return;
        }
        List<Kpi> next = new ArrayList<>(followed.stream().filter(f -> !f.id().equals(k.id())).toList());
        saveFollowed(next, i18n.get("kf.choice.unfollowed", k.id()));
    }

    /** Moves a followed KPI up ({@code -1}) or down ({@code +1}): the order is the order of the screen and reports. */
    public void moveFollowed(Kpi k, int step) {
        int i = indexOf(followed.stream().map(Kpi::id).toList(), k == null ? null : k.id());
        int j = i + step;
        if (i < 0 || j < 0 || j >= followed.size()) {
            return;
        }
        List<Kpi> next = new ArrayList<>(followed);
        next.add(j, next.remove(i));
        saveFollowed(next, "");
    }

    private void saveFollowed(List<Kpi> next, String message) {
        List<String> ids = next.stream().map(Kpi::id).toList();
        tasks.run(i18n.get("kf.saving"), p -> keyFigures.setFollowed(ids), changed -> {
            followed.setAll(next);
            kpiMessage.set(message);
            onChanged.run();
        }, dialogs::showUnexpected);
    }

    // ---- the comparison municipalities -----------------------------------------------------

    public boolean isCompared(String code) {
        return comparisons.stream().anyMatch(c -> c.code().equals(code));
    }

    /** Adds the municipality in the chosen role, or in its likely role when none is chosen. */
    public void compareWith(Municipality m) {
        if (m == null) {
            return;
        }
        if (isCompared(m.code())) {
            municipalityMessage.set(i18n.get("kf.choice.alreadyCompared", m.title()));
            return;
        }
        ComparisonRole r = role.get() != null ? role.get() : KeyFigureService.likelyRole(m);
        List<ComparedMunicipality> next = new ArrayList<>(comparisons);
        next.add(new ComparedMunicipality(m.code(), m.title(), r));
        saveComparisons(next, i18n.get("kf.choice.compared", m.title(), i18n.get("kf.role." + r.name())));
    }

    /** Adds what is typed in the search field when it is a code that is not (yet) among the known municipalities. */
    public void compareWithTypedCode() {
        String code = municipalityQuery.get() == null ? "" : municipalityQuery.get().strip().toUpperCase(Locale.ROOT);
        if (!KeyFigureService.comparableCode(code)) {
            municipalityMessage.set(i18n.get("keyfigure.validation.municipalityCode", code));
            return;
        }
        // not among the known ones (that is why it is typed): its name comes with the next Kolada import
        compareWith(new Municipality(code, Municipality.NATIONAL.equals(code) ? "Riket" : code, null));
    }

    public void stopComparing(ComparedMunicipality c) {
        if (c == null) {
            return;
        }
        List<ComparedMunicipality> next = new ArrayList<>(comparisons.stream().filter(x -> !x.code().equals(c.code())).toList());
        saveComparisons(next, i18n.get("kf.choice.uncompared", c.name()));
    }

    public void moveComparison(ComparedMunicipality c, int step) {
        int i = indexOf(comparisons.stream().map(ComparedMunicipality::code).toList(), c == null ? null : c.code());
        int j = i + step;
        if (i < 0 || j < 0 || j >= comparisons.size()) {
            return;
        }
        List<ComparedMunicipality> next = new ArrayList<>(comparisons);
        next.add(j, next.remove(i));
        saveComparisons(next, "");
    }

    private void saveComparisons(List<ComparedMunicipality> next, String message) {
        List<ComparisonChoice> list = next.stream().map(c -> new ComparisonChoice(c.code(), c.role())).toList();
        tasks.run(i18n.get("kf.saving"), p -> keyFigures.setComparisons(list), r -> {
            if (!r.ok()) {
                municipalityMessage.set(String.join(" ", r.problems().stream().map(i18n::problem).toList()));
                return;
            }
            comparisons.setAll(next);
            municipalityMessage.set(message);
            onChanged.run();
        }, dialogs::showUnexpected);
    }

    private static int indexOf(List<String> ids, String id) {
        return id == null ? -1 : ids.indexOf(id);
    }

    /** The first words of a KPI's description, for the hit list (the whole text is in the tooltip). */
    public static String shortDescription(String description, int width) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String d = description.strip().replaceAll("\\s+", " ");
        if (d.length() <= width) {
            return d;
        }
        int cut = d.lastIndexOf(' ', width - 1);
        return d.substring(0, cut > width / 2 ? cut : width - 1) + " …";
    }

    // ---- properties ------------------------------------------------------------------------

    /** Our own municipality's code as last loaded, or null. */
    public String ownMunicipality() { return own; }
    public StringProperty kpiQueryProperty() { return kpiQuery; }
    public ObservableList<Kpi> kpiHits() { return kpiHits; }
    public ObservableList<Kpi> followed() { return followed; }
    public StringProperty kpiMessageProperty() { return kpiMessage; }
    public StringProperty municipalityQueryProperty() { return municipalityQuery; }
    public ObservableList<Municipality> municipalityHits() { return municipalityHits; }
    public ObservableList<ComparedMunicipality> comparisons() { return comparisons; }
    public ObjectProperty<ComparisonRole> roleProperty() { return role; }
    public StringProperty municipalityMessageProperty() { return municipalityMessage; }
    public I18n i18n() { return i18n; }
}

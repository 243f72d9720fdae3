package se.kvalitetshjulet.ui.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.report.ReportViewModel.ConclusionRow;
import se.kvalitetshjulet.ui.report.ReportViewModel.SectionRow;

/**
 * The author's stored texts of the chosen report and the sentences under its charts ("Slutsatser om diagrammen"):
 * loaded for each choice (the latest wins), marked unsaved when edited, checked for personnummer and names as they
 * are typed, saved after the privacy question (decision 0018), and offered for saving when the user moves to another
 * choice with unsaved edits.
 */
final class ReportTextsForm {
    private final ReportContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ObservableValue<ReportKind> kind;
    /** An empty text of the current choice: its year, tertial and unit say which texts to load. */
    private final Supplier<ReportTexts> choice;
    private final Supplier<ReportService.Request> request;
    private final BooleanProperty busy;
    private final StringProperty status;
    private final Consumer<Throwable> failed;

    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty priorities = new SimpleStringProperty("");
    private final StringProperty followUp = new SimpleStringProperty("");
    private final StringProperty analysis = new SimpleStringProperty("");
    private final StringProperty externalAudits = new SimpleStringProperty("");
    private final StringProperty previousPriorities = new SimpleStringProperty("");
    private final StringProperty privacyWarning = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final ObservableList<ConclusionRow> conclusions = FXCollections.observableArrayList();
    private final ObservableList<SectionRow> sections = FXCollections.observableArrayList();
    private final BooleanProperty conclusionsLoading = new SimpleBooleanProperty();
    private final BooleanBinding used;
    private ReportTexts loadedTexts;
    private boolean applying;
    private int seq;

    final Command save;

    /**
     * @param choice  an empty text of the current choice (year, tertial or 0, unit)
     * @param request the report request of the current choice, without descriptions
     */
    ReportTextsForm(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, ObservableValue<ReportKind> kind,
                    Supplier<ReportTexts> choice, Supplier<ReportService.Request> request, BooleanProperty busy,
                    ObservableBooleanValue generating, StringProperty status, Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.kind = kind;
        this.choice = choice;
        this.request = request;
        this.busy = busy;
        this.status = status;
        this.failed = failed;
        used = Bindings.createBooleanBinding(() -> kind.getValue() != ReportKind.BOARD, kind);
        save = new Command(this::save, dirty.and(busy.not()).and(Bindings.not(generating)));
        ChangeListener<String> edited = (o, a, b) -> edited();
        for (StringProperty p : List.of(summary, priorities, followUp, analysis, externalAudits)) {
            p.addListener(edited);
        }
    }

    /** How many loads have started: a load that finds this changed knows a newer choice has loaded its own texts. */
    int seq() {
        return seq;
    }

    private record Loaded(ReportTexts texts, ReportTexts previous) { }

    /** Loads the texts of the current choice and last year's priorities; then the charts and their sentences. */
    void load() {
        int mine = ++seq;
        ReportTexts key = choice.get();
        int y = key.year();
        int t = key.tertial();
        Long u = key.unitId();
        loaded.set(false);
        tasks.run(i18n.get("report.ui.loading"), p -> new Loaded(ctx.reportService().texts(y, t, u),
                ctx.reportService().texts(y - 1, t, u)), l -> {
                    if (mine == seq) {
                        previousPriorities.set(l.previous().priorities());
                        apply(l.texts());
                        loaded.set(true);
                        loadConclusions(mine, l.texts());
                    }
                }, failed);
    }

    /**
     * The user chose another report: texts edited under the old choice are offered for saving (through the privacy
     * question) before the new choice's texts are loaded.
     */
    void choiceChanged() {
        if (dirty.get() && loadedTexts != null) {
            ReportTexts unsaved = current(loadedTexts);
            dirty.set(false);
            if (dialogs.confirm(i18n.get("report.ui.texts.unsavedTitle"), i18n.get("report.ui.texts.unsaved",
                    periodLabel(loadedTexts)))) {
                PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.reportService().privacyRefuses(),
                        fields(unsaved), () -> tasks.run(i18n.get("report.ui.texts.saving"),
                                p -> ctx.reportService().saveTexts(unsaved), saved -> status.set(saved.ok()
                                        ? i18n.get("report.ui.texts.saved") : notSaved(saved.problems())),
                                failed));
            }
        }
        load();
    }

    private String periodLabel(ReportTexts t) {
        return t.tertial() == 0 ? Integer.toString(t.year()) : i18n.get("report.ui.tertialOf", t.tertial(),
                Integer.toString(t.year()));
    }

    /** Computes the charts the chosen report includes and drafts their sentences, off the FX thread. */
    private void loadConclusions(int mine, ReportTexts texts) {
        if (kind.getValue() == ReportKind.BOARD) {
            conclusions.clear();
            return;
        }
        ReportService.Request r = request.get();
        conclusionsLoading.set(true);
        tasks.run(i18n.get("report.ui.conclusions.loading"), p -> ctx.reportService().chartConclusions(r, texts,
                p::isCancelled), list -> {
                    if (mine != seq) {
                        return;
                    }
                    conclusionsLoading.set(false);
                    applying = true;
                    try {
                        List<ConclusionRow> rows = new ArrayList<>();
                        for (var c : list) {
                            if (c.key().startsWith("kind.") && !c.special()) {
                                continue; // as in the report: a kind's chart only when it shows a special cause
                            }
                            StringProperty text = new SimpleStringProperty(c.text());
                            text.addListener((o, a, b) -> edited());
                            rows.add(new ConclusionRow(c.key(), c.title(), c.drafted(), text));
                        }
                        conclusions.setAll(rows);
                    } finally {
                        applying = false;
                    }
                }, e -> {
                    conclusionsLoading.set(false);
                    failed.accept(e);
                });
    }

    /** The stored conclusions with this screen's: a sentence left as drafted (or emptied) is not stored. */
    private Map<String, String> currentConclusions(ReportTexts base) {
        Map<String, String> out = new LinkedHashMap<>(base.conclusions());
        for (ConclusionRow row : conclusions) {
            String t = row.text().get() == null ? "" : row.text().get().strip();
            if (t.isEmpty() || t.equals(row.drafted())) {
                out.remove(row.key());
            } else {
                out.put(row.key(), t);
            }
        }
        return out;
    }

    private void apply(ReportTexts t) {
        applying = true;
        try {
            loadedTexts = t;
            summary.set(t.summary());
            priorities.set(t.priorities());
            followUp.set(t.followUp());
            analysis.set(t.analysis());
            externalAudits.set(t.externalAudits());
            sections.setAll(sectionRows(t));
            dirty.set(false);
        } finally {
            applying = false;
        }
        updatePrivacy();
    }

    private void edited() {
        if (applying) {
            return;
        }
        dirty.set(true);
        status.set("");
        updatePrivacy();
    }

    /**
     * The annual report's sections beyond the fixed texts: the follow-up of each of last year's priorities, processes
     * and routines, what each kind's cases were about, the pattern analysis, the development work, risk analyses and
     * self-checks — in the report's order, with what is stored.
     */
    private List<SectionRow> sectionRows(ReportTexts t) {
        if (kind.getValue() != ReportKind.ANNUAL) {
            return List.of();
        }
        List<SectionRow> rows = new ArrayList<>();
        List<String> items = ReportTexts.priorityItems(previousPriorities.get());
        for (int i = 0; i < items.size(); i++) {
            rows.add(row(t, "followUp." + (i + 1), i18n.get("report.ui.section.followUpOf", items.get(i)),
                    "report.section.hint.followUp"));
        }
        rows.add(row(t, ReportTexts.PROCESSES, i18n.get("report.h.processes"), "report.section.hint.processes"));
        for (var k : se.kvalitetshjulet.domain.deviation.DeviationKind.values()) {
            rows.add(row(t, "kind." + k.name(), i18n.get("report.kind.heading." + k.name()), "report.section.hint.kind"));
        }
        rows.add(row(t, ReportTexts.PATTERN_ANALYSIS, i18n.get("report.h.patterns"),
                "report.section.hint.patternAnalysis"));
        rows.add(row(t, ReportTexts.DEVELOPMENT_WORK, i18n.get("report.h.developmentWork"),
                "report.section.hint.developmentWork"));
        rows.add(row(t, ReportTexts.RISK_WORK, i18n.get("report.h.risks"), "report.section.hint.riskWork"));
        rows.add(row(t, ReportTexts.SELF_CHECK_WORK, i18n.get("report.h.selfChecks"),
                "report.section.hint.selfCheckWork"));
        return rows;
    }

    private SectionRow row(ReportTexts t, String key, String title, String hintKey) {
        StringProperty text = new SimpleStringProperty(t.section(key));
        text.addListener((o, a, b) -> edited());
        return new SectionRow(key, title, i18n.get(hintKey), text);
    }

    /** The stored sections with this screen's: an emptied box removes its section. */
    private Map<String, String> currentSections(ReportTexts base) {
        Map<String, String> out = new java.util.TreeMap<>(base.sections());
        for (SectionRow row : sections) {
            String t = row.text().get() == null ? "" : row.text().get().strip();
            if (t.isEmpty()) {
                out.remove(row.key());
            } else {
                out.put(row.key(), t);
            }
        }
        return out;
    }

    private ReportTexts current(ReportTexts base) {
        return new ReportTexts(base.id(), base.year(), base.tertial(), base.unitId(), summary.get(), priorities.get(),
                followUp.get(), analysis.get(), externalAudits.get(), currentConclusions(base), currentSections(base));
    }

    /** The texts as the screen shows them, under the loaded texts' id (or a new text of the current choice). */
    ReportTexts current() {
        return current(loadedTexts != null ? loadedTexts : choice.get());
    }

    /** The texts to save with a generated report: the edited ones when the report uses texts, else none. */
    ReportTexts unsavedForReport() {
        return dirty.get() && used.get() ? current() : null;
    }

    /** The texts were saved elsewhere (with a report): they are the stored state if they are still the ones shown. */
    void savedElsewhere(ReportTexts saved) {
        if (saved != null && loadedTexts != null && sameKey(saved, loadedTexts)) {
            loadedTexts = saved;
            dirty.set(!current(saved).equals(saved));
        }
    }

    private static boolean sameKey(ReportTexts a, ReportTexts b) {
        return a.year() == b.year() && a.tertial() == b.tertial() && Objects.equals(a.unitId(), b.unitId());
    }

    private void updatePrivacy() {
        List<PrivacyCheck.Finding> findings = ctx.reportService().privacyFindings(current());
        List<String> ids = findings.stream().filter(PrivacyCheck.Finding::identityNumber)
                .map(PrivacyCheck.Finding::text).distinct().toList();
        List<String> names = findings.stream().filter(f -> !f.identityNumber())
                .map(PrivacyCheck.Finding::text).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (!ids.isEmpty()) {
            parts.add(i18n.get("privacy.idNumbers.warn", String.join(", ", ids)));
        }
        if (!names.isEmpty()) {
            parts.add(i18n.get("privacy.names.warn", String.join(", ", names)));
        }
        privacyWarning.set(String.join("\n", parts));
    }

    /** The author's texts as the form labels them, for the privacy question. */
    List<PrivacyQuestion.Field> fields(ReportTexts t) {
        List<PrivacyQuestion.Field> out = new ArrayList<>(List.of(
                PrivacyQuestion.field(i18n, "report.h.summary", t.summary()),
                PrivacyQuestion.field(i18n, "report.ui.field.priorities", t.priorities()),
                PrivacyQuestion.field(i18n, "report.ui.field.followUp", t.followUp()),
                PrivacyQuestion.field(i18n, "report.h.audits", t.externalAudits()),
                PrivacyQuestion.field(i18n, "report.h.analysis", t.analysis())));
        for (SectionRow row : sections) {
            out.add(new PrivacyQuestion.Field(row.title(), t.section(row.key())));
        }
        return out;
    }

    String notSaved(List<Problem> problems) {
        return i18n.get("privacy.report.textsNotSaved") + "\n"
                + String.join("\n", problems.stream().map(i18n::problem).toList());
    }

    /** Saves the texts after the privacy question (decision 0018); under "refuse" the service refuses. */
    private void save() {
        ReportTexts t = current();
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.reportService().privacyRefuses(), fields(t),
                () -> store(t));
    }

    private void store(ReportTexts t) {
        int mine = seq;
        busy.set(true);
        tasks.run(i18n.get("report.ui.texts.saving"), p -> ctx.reportService().saveTexts(t), result -> {
            busy.set(false);
            if (!result.ok()) {
                status.set(notSaved(result.problems()));
                return;
            }
            ReportTexts saved = result.value();
            if (mine == seq) {
                loadedTexts = saved;
                // Keep what the user typed meanwhile; only the stored state is new.
                dirty.set(!current(saved).equals(saved));
            }
            status.set(i18n.get("report.ui.texts.saved"));
        }, failed);
    }

    StringProperty summaryProperty() { return summary; }
    StringProperty prioritiesProperty() { return priorities; }
    StringProperty followUpProperty() { return followUp; }
    StringProperty analysisProperty() { return analysis; }
    StringProperty externalAuditsProperty() { return externalAudits; }
    StringProperty previousPrioritiesProperty() { return previousPriorities; }
    StringProperty privacyWarningProperty() { return privacyWarning; }
    BooleanProperty dirtyProperty() { return dirty; }
    BooleanProperty loadedProperty() { return loaded; }
    BooleanBinding usedProperty() { return used; }
    ObservableList<ConclusionRow> conclusions() { return conclusions; }
    ObservableList<SectionRow> sections() { return sections; }
    BooleanProperty conclusionsLoadingProperty() { return conclusionsLoading; }
}

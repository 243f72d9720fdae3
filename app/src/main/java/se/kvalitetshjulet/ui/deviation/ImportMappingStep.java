package se.kvalitetshjulet.ui.deviation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.service.imports.ImportField;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportMappingService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Step 2 of the deviation import: which file column fills which field of a deviation (or which default it gets),
 * the source name, what is still missing, and the saved mapping profiles. Knows whether the mapping is still the one
 * the last dry run checked (only then may the import run).
 */
final class ImportMappingStep {
    /** Fields a file must give (or the mapping must default) before it can be checked. */
    static final Set<ImportField> REQUIRED = Set.of(ImportField.EXTERNAL_ID, ImportField.KIND, ImportField.UNIT,
            ImportField.CATEGORY, ImportField.REGISTERED_ON, ImportField.TITLE);

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final ImportMappingService mappings;
    private final BooleanProperty busy;
    private final Consumer<Throwable> failed;

    private final StringProperty source = new SimpleStringProperty("");
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<ImportFieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty();
    private final StringProperty problems = new SimpleStringProperty("");
    private final BooleanProperty checkedCurrent = new SimpleBooleanProperty();
    private ImportMapping checked;
    private boolean updating;

    ImportMappingStep(ImportMappingService mappings, TaskRunner tasks, DialogService dialogs, I18n i18n,
                      BooleanProperty busy, Consumer<Throwable> failed) {
        this.mappings = mappings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.busy = busy;
        this.failed = failed;
        for (ImportField f : ImportField.values()) {
            ImportFieldRow row = new ImportFieldRow(f, i18n.get("import.field." + f.jsonName()), REQUIRED.contains(f));
            row.columnProperty().addListener((o, a, b) -> changed());
            row.defaultValueProperty().addListener((o, a, b) -> changed());
            fields.add(row);
        }
        source.addListener((o, a, b) -> changed());
    }

    /** A newly opened file: its headers, the saved profiles, a guessed mapping and the file's name as source. */
    void opened(List<String> fileHeaders, List<String> profileNames, String sourceName) {
        headers.setAll(fileHeaders);
        profiles.setAll(profileNames);
        profile.set(null);
        apply(ImportMapping.guess(fileHeaders));
        source.set(sourceName);
    }

    /** The names of the saved mapping profiles (reads the database: call it in the work, not on the FX thread). */
    List<String> savedNames() {
        return mappings.names();
    }

    /** The mapping as the user has set it up. */
    ImportMapping current() {
        Map<ImportField, String> cols = new EnumMap<>(ImportField.class);
        Map<ImportField, String> defs = new EnumMap<>(ImportField.class);
        for (ImportFieldRow r : fields) {
            if (r.columnProperty().get() != null && !r.columnProperty().get().isBlank()) {
                cols.put(r.field(), r.columnProperty().get());
            }
            if (r.defaultValueProperty().get() != null && !r.defaultValueProperty().get().isBlank()) {
                defs.put(r.field(), r.defaultValueProperty().get());
            }
        }
        return new ImportMapping(cols, defs, source.get());
    }

    private void apply(ImportMapping m) {
        updating = true;
        try {
            for (ImportFieldRow r : fields) {
                r.columnProperty().set(m.column(r.field()));
                String d = m.defaultValue(r.field());
                r.defaultValueProperty().set(d == null ? "" : d);
            }
            if (m.source() != null) {
                source.set(m.source());
            }
        } finally {
            updating = false;
        }
        changed();
    }

    private void changed() {
        if (updating) {
            return;
        }
        List<String> found = headers.isEmpty() ? List.of() : current().problems(headers);
        String text = String.join("\n", found);
        if (source.get() == null || source.get().isBlank()) {
            text = (text.isEmpty() ? "" : text + "\n") + i18n.get("import.source.required");
        }
        problems.set(text);
        checkedCurrent.set(checked != null && checked.equals(current()));
    }

    /** The dry run checked {@code m} (null: nothing checked any more). */
    void checked(ImportMapping m) {
        checked = m;
        checkedCurrent.set(m != null);
    }

    /** Applies the saved mapping profile {@code name}. */
    void loadProfile(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("import.profile.loading"), p -> mappings.find(name), m -> {
            busy.set(false);
            if (m.isEmpty()) {
                dialogs.showError(i18n.get("import.profile.title"), i18n.get("import.profile.missing", name));
                return;
            }
            profile.set(name);
            apply(m.get());
        }, failed::accept);
    }

    void saveProfile() {
        String initial = profile.get() != null ? profile.get() : source.get();
        dialogs.askText(i18n.get("import.profile.saveTitle"), i18n.get("import.profile.savePrompt"), initial)
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    ImportMapping mapping = current();
                    busy.set(true);
                    tasks.run(i18n.get("import.profile.saving"), p -> mappings.save(name, mapping), names -> {
                        busy.set(false);
                        profiles.setAll(names);
                        profile.set(name);
                    }, failed::accept);
                });
    }

    StringProperty sourceProperty() { return source; }
    ObservableList<String> headers() { return headers; }
    ObservableList<ImportFieldRow> fields() { return fields; }
    ObservableList<String> profiles() { return profiles; }
    StringProperty profileProperty() { return profile; }
    StringProperty problemsProperty() { return problems; }
    /** Whether the mapping is still the one the last dry run checked. */
    BooleanProperty checkedCurrentProperty() { return checkedCurrent; }
}

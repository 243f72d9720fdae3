package se.kvalitetshjulet.service.imports;

import java.util.List;
import java.util.Map;

/** One row of the preview: the file's values per mapped field, and what is wrong with the row (if anything). */
public record PreviewRow(long row, Map<ImportField, String> values, List<RowError> errors, List<RowError> warnings) {
    public PreviewRow {
        values = Map.copyOf(values);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}

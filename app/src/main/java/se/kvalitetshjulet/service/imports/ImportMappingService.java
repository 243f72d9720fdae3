package se.kvalitetshjulet.service.imports;

import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.data.repo.MappingRepository;

/** Saved column mappings ("profiles") for imports from another system, by name, as the import screen uses them. */
public final class ImportMappingService {
    private final MappingRepository mappings;

    public ImportMappingService(MappingRepository mappings) {
        this.mappings = mappings;
    }

    public List<String> names() {
        return mappings.names();
    }

    /** The mapping saved under this name, if any. */
    public Optional<ImportMapping> find(String name) {
        return mappings.find(name).map(ImportMapping::fromJson);
    }

    /** Saves or replaces the mapping with this name; returns the names after saving. */
    public List<String> save(String name, ImportMapping mapping) {
        mappings.save(name, mapping.toJson());
        return mappings.names();
    }
}

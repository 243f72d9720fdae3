package se.kvalitetshjulet.service;

import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.domain.SavedFilter;

/** Named filters and chart definitions a screen remembers (the register's filters, the chart decks). */
public final class SavedFilterService {
    /** The register's screen key. */
    public static final String DEVIATIONS = SavedFilterRepository.DEVIATIONS;

    private final SavedFilterRepository filters;

    public SavedFilterService(SavedFilterRepository filters) {
        this.filters = filters;
    }

    public List<String> names(String screen) {
        return filters.names(screen);
    }

    public Optional<String> find(String screen, String name) {
        return filters.find(screen, name);
    }

    public void save(String screen, String name, String json) {
        filters.save(screen, name, json);
    }

    public List<SavedFilter> inOrder(String screen) {
        return filters.inOrder(screen);
    }

    public void replaceAll(String screen, List<SavedFilter> list) {
        filters.replaceAll(screen, list);
    }
}

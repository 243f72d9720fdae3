package se.kvalitetshjulet.service;

import java.util.List;

import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;

/** The deviation lists the editors choose from (categories, causes, measure types); edited in {@link ListsService}. */
public final class TaxonomyService {
    private final TaxonomyRepository taxonomies;

    public TaxonomyService(TaxonomyRepository taxonomies) {
        this.taxonomies = taxonomies;
    }

    public List<Taxonomy> list(TaxonomyKind kind) {
        return taxonomies.list(kind);
    }
}

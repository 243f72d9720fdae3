package se.kvalitetshjulet.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgTree;

/**
 * Compiles deviation patterns for a period (DOMAIN.md §2.3): counted and grouped in the
 * database by unit, kind and month; folded into business areas here (the tree is small).
 */
public final class PatternService {
    public static final int YEARS_COMPARED = 2;
    private static final int TOP = 8;

    private final DeviationRepository repo;
    private final OrganisationService organisation;

    public PatternService(DeviationRepository repo, OrganisationService organisation) {
        this.repo = repo;
        this.organisation = organisation;
    }

    /**
     * @param scope unit ids to include (a subtree), or {@code null} for the whole organisation
     */
    public PatternReport compute(Period period, Set<Long> scope, LocalDate today) {
        return compute(period, scope, today, repo::monthlyCounts);
    }

    /**
     * As {@link #compute(Period, Set, LocalDate)} with the counts per unit, kind and month taken from
     * {@code monthly} (from, to): by registration date, or by assessment date for a report that counts by decision
     * date. The categories, causes and measure types stay counted by registration.
     */
    public PatternReport compute(Period period, Set<Long> scope, LocalDate today,
                                 java.util.function.BiFunction<LocalDate, LocalDate,
                                         List<DeviationRepository.MonthlyCount>> monthly) {
        OrgTree tree = organisation.tree();
        Map<Long, String> areaNames = new HashMap<>();
        List<String> areas = new ArrayList<>();
        for (BusinessArea a : organisation.businessAreas()) {
            areaNames.put(a.id(), a.name());
        }
        String none = "Utan verksamhetsområde";
        Map<DeviationKind, Map<String, long[]>> counts = new EnumMap<>(DeviationKind.class);
        Period oldest = period.yearsBefore(YEARS_COMPARED);
        for (DeviationRepository.MonthlyCount mc : monthly.apply(oldest.start(), period.end())) {
            if (scope != null && !scope.contains(mc.unitId())) {
                continue;
            }
            int back = -1;
            for (int i = 0; i <= YEARS_COMPARED; i++) {
                if (period.yearsBefore(i).containsMonth(mc.year(), mc.month())) {
                    back = i;
                }
            }
            if (back < 0) {
                continue;
            }
            Long areaId = tree.effectiveBusinessArea(mc.unitId());
            String area = areaId == null ? none : areaNames.getOrDefault(areaId, none);
            Map<String, long[]> byArea = counts.computeIfAbsent(mc.kind(), k -> new LinkedHashMap<>());
            byArea.computeIfAbsent(area, a -> new long[YEARS_COMPARED + 1])[back] += mc.count();
            byArea.computeIfAbsent(PatternReport.TOTAL, a -> new long[YEARS_COMPARED + 1])[back] += mc.count();
        }
        for (BusinessArea a : organisation.businessAreas()) {
            if (counts.values().stream().anyMatch(m -> m.containsKey(a.name()))) {
                areas.add(a.name());
            }
        }
        if (counts.values().stream().anyMatch(m -> m.containsKey(none))) {
            areas.add(none);
        }
        DeviationFilter f = DeviationFilter.all().withUnits(scope).withPeriod(period.start(), period.end());
        EnumMap<DeviationKind, Boolean> serious = new EnumMap<>(DeviationKind.class);
        serious.put(DeviationKind.LEX_SARAH, true);
        serious.put(DeviationKind.LEX_MARIA, true);
        DeviationFilter lex = f.withKinds(serious.keySet());
        return new PatternReport(period, areas, counts, named(repo.topCategories(f, today, TOP)),
                named(repo.topCauses(f, today, TOP)), named(repo.topMeasureTypes(f, today, TOP)),
                named(repo.assessments(lex, today)), repo.ivoReports(lex, today), YEARS_COMPARED,
                repo.firstRegisteredOn().orElse(null));
    }

    private static List<PatternReport.NamedCount> named(List<DeviationRepository.NamedCount> in) {
        return in.stream().map(n -> new PatternReport.NamedCount(n.name(), n.count())).toList();
    }
}

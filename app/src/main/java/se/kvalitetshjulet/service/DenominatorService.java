package se.kvalitetshjulet.service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.MonthDenominator;

/**
 * Nämnare entered by hand: one unit's twelve months of care recipients, care days and visits,
 * read and saved as a whole year, all or nothing, with an audit row per changed month.
 */
public final class DenominatorService {
    private final Database db;
    private final DenominatorRepository repo;
    private final OrganisationService organisation;

    public DenominatorService(Database db, DenominatorRepository repo, OrganisationService organisation) {
        this.db = db;
        this.repo = repo;
        this.organisation = organisation;
    }

    /** Imports a denominator file (all or nothing, decision 11). */
    public DenominatorImporter.Result importCsv(java.nio.file.Path file) throws java.io.IOException {
        return new DenominatorImporter(db, repo, organisation).importCsv(file);
    }

    /** All twelve months of the year, January first; unknown months have no figures. */
    public List<MonthDenominator> year(long unitId, int year) {
        Map<YearMonth, MonthDenominator> stored = repo.year(unitId, year).stream()
                .collect(Collectors.toMap(MonthDenominator::month, Function.identity()));
        List<MonthDenominator> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            months.add(stored.getOrDefault(ym, new MonthDenominator(ym, null, null, null)));
        }
        return months;
    }

    /**
     * Saves the months (typically one year) of a unit in one transaction; returns the number of months that
     * changed, or the problems (nothing is written when any month is wrong).
     */
    public SaveResult<Integer> save(long unitId, List<MonthDenominator> months) {
        Unit unit = organisation.tree().all().stream().filter(u -> u.id() != null && u.id() == unitId).findFirst().orElse(null);
        if (unit == null) {
            return SaveResult.rejected(List.of(new Problem("unit", "denominator.validation.noUnit")));
        }
        List<Problem> problems = months.stream().flatMap(m -> m.problems().stream()).toList();
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        int changed = db.tx(tx -> {
            int n = 0;
            for (MonthDenominator m : months) {
                if (repo.save(tx, unitId, m)) {
                    n++;
                }
            }
            return n;
        });
        return SaveResult.saved(changed);
    }
}

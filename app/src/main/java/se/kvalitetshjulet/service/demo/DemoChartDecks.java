package se.kvalitetshjulet.service.demo;

import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.trend.ChartDeck;

/**
 * Demo mötesbilder: a default deck for the administration and one for Solbacken's quality council (the others
 * start empty), so that presentation mode has something real to show the first time. Written in the stored chart-settings format (the JSON of
 * {@code ui.trend.TrendSettings}; a test reads every demo chart back through it). The fall chart of
 * {@value DemoDataService#SHIFT_UNIT} marks the demo's real shift with an annotation and freezes its limits on the
 * months before it, so the rise after it shows as signals.
 */
final class DemoChartDecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SavedFilterRepository decks;
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate yearAgo;

    private DemoChartDecks(SavedFilterRepository decks, LocalDate today) {
        this.decks = decks;
        YearMonth lastFull = YearMonth.from(today).minusMonths(1);
        this.to = lastFull.atEndOfMonth();
        this.from = lastFull.minusMonths(35).atDay(1);
        this.yearAgo = lastFull.minusMonths(11).atDay(1);
    }

    static void generate(SavedFilterRepository decks, UnitRepository units, TaxonomyRepository taxonomies,
                         SelfCheckService selfChecks, LocalDate today, LocalDate shiftDate) {
        Map<String, Unit> unit = units.findAll().stream().collect(Collectors.toMap(Unit::name, Function.identity(),
                (a, b) -> a));
        Map<String, Long> category = taxonomies.list(TaxonomyKind.CATEGORY).stream()
                .collect(Collectors.toMap(Taxonomy::name, Taxonomy::id, (a, b) -> a));
        Long hygiene = selfChecks.templates().stream().filter(t -> t.name().startsWith("Basala hygienrutiner"))
                .map(Template::familyId).findFirst().orElse(null);
        DemoChartDecks d = new DemoChartDecks(decks, today);
        Long linden = id(unit.get(DemoDataService.SHIFT_UNIT));
        Long fall = category.get("Fall");

        String main = ChartDeck.screen(null);
        d.save(main, "Alla avvikelser per månad", d.trend(null, null, null, "COUNT", "RUN", null));
        d.save(main, "Fall på " + DemoDataService.SHIFT_UNIT + " per 1 000 vårddygn",
                d.trend("HSL_AVVIKELSE", fall, linden, "PER_1000_CARE_DAYS", "CONTROL", shiftDate));
        d.save(main, "Vanligaste kategorierna senaste året", d.kind("PARETO_CATEGORIES", null, d.yearAgo));
        d.save(main, "Förbättringsåtgärder: öppna och försenade", d.kind("ACTIONS", null, d.yearAgo));
        if (hygiene != null) {
            d.save(main, "Egenkontroll basala hygienrutiner", d.kind("SELF_CHECK_COMPLIANCE", null, d.from)
                    .put("templateFamilyId", hygiene));
        }
        d.save(main, "Riskmatris: risker före och efter åtgärder", d.kind("RISK_MATRIX", null, d.from));

        Unit solbacken = unit.get("Solbackens vård- och omsorgsboende");
        if (solbacken != null) {
            String s = ChartDeck.screen(solbacken.id());
            d.save(s, "Fall på " + DemoDataService.SHIFT_UNIT + " per 1 000 vårddygn",
                    d.trend("HSL_AVVIKELSE", fall, linden, "PER_1000_CARE_DAYS", "CONTROL", shiftDate));
            d.save(s, "Avvikelser på Solbacken per 1 000 vårddygn",
                    d.trend(null, null, solbacken.id(), "PER_1000_CARE_DAYS", "CONTROL", null));
            d.save(s, "Orsaker på Solbacken senaste året", d.kind("PARETO_CAUSES", solbacken.id(), d.yearAgo));
            d.save(s, "Åtgärder på Solbacken", d.kind("ACTIONS", solbacken.id(), d.yearAgo));
        }
    }

    private static Long id(Unit u) {
        return u == null ? null : u.id();
    }

    private ObjectNode kind(String chartKind, Long unitId, LocalDate start) {
        ObjectNode n = JSON.createObjectNode();
        n.put("chartKind", chartKind);
        n.put("unitId", unitId);
        n.put("granularity", "MONTH");
        n.put("measure", "COUNT");
        n.put("style", "RUN");
        n.put("from", start.toString());
        n.put("to", to.toString());
        n.putArray("annotations");
        return n;
    }

    private ObjectNode trend(String deviationKind, Long categoryId, Long unitId, String measure, String style,
                             LocalDate shift) {
        ObjectNode n = kind("TREND", unitId, from);
        n.put("kind", deviationKind);
        n.put("categoryId", categoryId);
        n.put("measure", measure);
        n.put("style", style);
        ArrayNode a = (ArrayNode) n.get("annotations");
        if (shift != null) {
            // Limits frozen on the months before the change, so the council sees the months after it fall outside
            // them: the question "is the change real?" answered, not hidden by a phase split of its own.
            n.put("freeze", (int) YearMonth.from(from).until(YearMonth.from(shift), java.time.temporal.ChronoUnit.MONTHS));
            a.addObject().put("date", shift.toString()).put("text", "Ny bemanning nattetid").put("phaseSplit", false);
        }
        return n;
    }

    private void save(String screen, String title, ObjectNode settings) {
        decks.save(screen, title, settings.toString());
    }
}

package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.risk.LinkedDeviation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.risk.RiskRules;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;

/**
 * Use cases of risk and event analyses: templates with validated matrices, saving drafts (privacy-checked),
 * measures, deciding, following up, the half-yearly recurrence of individual analyses and the annual report's
 * appendix. Every write is one transaction with audit rows.
 */
public final class RiskService {
    private PrivacyService privacy;

    /** The privacy check with the coordinator's policy (Inställningar); set once by AppContext. */
    public RiskService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    private java.util.Optional<Problem> privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind kind,
                                                       List<String> texts) {
        return privacy == null ? java.util.Optional.empty() : privacy.refusal(kind, texts);
    }

    private final Database db;
    private final RiskRepository repo;
    private final DeviationRepository deviations;
    private final OrganisationService organisation;
    private final Clock clock;

    public RiskService(Database db, RiskRepository repo, DeviationRepository deviations,
                       OrganisationService organisation, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.deviations = deviations;
        this.organisation = organisation;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- templates -----------------------------------------------------------------

    public List<RiskTemplate> templates() {
        return repo.templates();
    }

    public RiskTemplate template(long id) {
        return repo.template(id).orElseThrow(() -> new IllegalStateException("Mallen finns inte (id " + id + ")."));
    }

    /** How many analyses use each template; a template that is used is never changed (see {@link #saveTemplate}). */
    public Map<Long, Integer> templateUsage() {
        return repo.templateUsage();
    }

    /** The problems that stop a template from being saved (name, steps, matrix), without asking the database. */
    public static List<Problem> validateTemplate(RiskTemplate t) {
        List<Problem> p = new ArrayList<>();
        if (t.name() == null || t.name().isBlank()) {
            p.add(new Problem("name", "risk.template.validation.nameRequired"));
        }
        if (t.steps().isEmpty() || t.steps().stream().anyMatch(s -> s == null || s.isBlank())) {
            p.add(new Problem("steps", "risk.template.validation.steps"));
        }
        p.addAll(t.matrix().validate());
        return p;
    }

    /**
     * Saves a template. An analysis stores only its template's id and reads the matrix and the steps from it, so a
     * template that an analysis uses is never changed: the edit is saved as a new template (named "… (version N)"
     * unless it was given a new name) and the old one is retired (no longer offered for new analyses) but kept exactly
     * as it was for the analyses that use it. Only switching a template on or off is done in place.
     */
    public SaveResult<RiskTemplate> saveTemplate(RiskTemplate t) {
        List<Problem> p = validateTemplate(t);
        if (privacy != null) {
            // a template's texts go where the analyses go: under "refuse" no identifying details (decision 18)
            privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.RISK_ANALYSIS, templateTexts(t))
                    .ifPresent(p::add);
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return db.tx(tx -> {
            if (t.id() != null) {
                RiskTemplate stored = repo.template(tx, t.id()).orElseThrow(() ->
                        new IllegalStateException("Mallen finns inte längre (id " + t.id() + ")."));
                boolean inUse = repo.templateUsage(tx).getOrDefault(t.id(), 0) > 0;
                if (inUse && !sameContent(stored, t)) {
                    String name = t.name().strip().equals(stored.name()) ? nextVersionName(tx, stored.name()) : t.name().strip();
                    if (repo.templateNameTaken(tx, name, null)) {
                        return SaveResult.rejected(List.of(new Problem("name", "risk.template.validation.nameTaken", name)));
                    }
                    repo.saveTemplate(tx, new RiskTemplate(stored.id(), stored.name(), stored.kind(), stored.steps(),
                            stored.matrix(), false));
                    return SaveResult.saved(repo.saveTemplate(tx, new RiskTemplate(null, name, t.kind(), t.steps(),
                            t.matrix(), t.active())));
                }
            }
            if (repo.templateNameTaken(tx, t.name(), t.id())) {
                return SaveResult.rejected(List.of(new Problem("name", "risk.template.validation.nameTaken", t.name().strip())));
            }
            return SaveResult.saved(repo.saveTemplate(tx, t));
        });
    }

    /** Every text of a template: its name, steps, and the matrix's level and band names and descriptions. */
    public static List<String> templateTexts(RiskTemplate t) {
        List<String> out = new ArrayList<>();
        out.add(t.name());
        out.addAll(t.steps());
        if (t.matrix() != null) {
            for (var l : t.matrix().probabilities()) {
                out.add(l.label());
                out.add(l.description());
            }
            for (var l : t.matrix().consequences()) {
                out.add(l.label());
                out.add(l.description());
            }
            for (var b : t.matrix().bands()) {
                out.add(b.label());
            }
        }
        return out.stream().map(x -> x == null ? "" : x).toList();
    }

    /** Whether the policy for risk and event analyses refuses identifying details (Inställningar). */
    public boolean privacyRefusesAnalyses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.RISK_ANALYSIS);
    }

    private static boolean sameContent(RiskTemplate a, RiskTemplate b) {
        return a.name().strip().equals(b.name().strip()) && a.kind() == b.kind() && a.steps().equals(b.steps())
                && a.matrix().equals(b.matrix());
    }

    private String nextVersionName(org.jooq.DSLContext tx, String name) {
        String base = name.replaceFirst("\\s*\\(version \\d+\\)$", "").strip();
        for (int n = 2; ; n++) {
            String candidate = base + " (version " + n + ")";
            if (!repo.templateNameTaken(tx, candidate, null)) {
                return candidate;
            }
        }
    }

    // ---- analyses ------------------------------------------------------------------

    public List<RiskAnalysisRow> search(RiskFilter filter) {
        return repo.search(filter, today());
    }

    public Optional<RiskAnalysis> find(long id) {
        return repo.find(id);
    }

    public List<PrivacyCheck.Finding> privacyFindings(RiskAnalysis a) {
        return PrivacyCheck.checkAll(a.freeTexts());
    }

    public List<Problem> validate(RiskAnalysis a) {
        return RiskRules.validate(a, template(a.templateId()).matrix(), today());
    }

    /** Saves the analysis in its current status; a personnummer in free text blocks saving when so configured. */
    public SaveResult<RiskAnalysis> save(RiskAnalysis a, boolean refuseIdentityNumbers) {
        List<Problem> problems = new ArrayList<>(validate(a));
        reasonProblem(a).ifPresent(problems::add);
        if (refuseIdentityNumbers && privacyFindings(a).stream().anyMatch(PrivacyCheck.Finding::identityNumber)) {
            problems.add(new Problem("privacy", "deviation.validation.identityNumberRefused"));
        }
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.RISK_ANALYSIS, a.freeTexts())
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return SaveResult.rejected(problems);
        }
        return SaveResult.saved(db.tx(tx -> repo.save(tx, a)));
    }

    /** The person who decides takes the measures (or "inga åtgärder" with a reason); pending edits are saved too. */
    public SaveResult<RiskAnalysis> decide(RiskAnalysis a, String decidedBy) {
        List<Measure> measures = a.id() == null ? List.of() : repo.measures(a.id());
        List<Problem> p = RiskRules.checkDecision(a, template(a.templateId()).matrix(), measures, decidedBy, today());
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        RiskAnalysis decided = a.withDecision(AnalysisStatus.BESLUTAD, decidedBy.strip(), today());
        return SaveResult.saved(db.tx(tx -> repo.save(tx, decided)));
    }

    /** Marks a decided analysis as followed up when every measure is done and its effect checked. */
    public SaveResult<RiskAnalysis> markFollowedUp(RiskAnalysis a) {
        List<Measure> measures = a.id() == null ? List.of() : repo.measures(a.id());
        List<Problem> p = RiskRules.checkFollowUp(a, measures);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        RiskAnalysis done = a.withStatus(AnalysisStatus.UPPFOLJD);
        return SaveResult.saved(db.tx(tx -> repo.save(tx, done)));
    }

    /** Starts the next half-yearly analysis of an individual-level analysis, its risks copied for rescoring. */
    public RiskAnalysis startRecurrence(long previousId) {
        RiskAnalysis previous = find(previousId)
                .orElseThrow(() -> new IllegalStateException("Analysen finns inte längre (id " + previousId + ")."));
        RiskAnalysis next = previous.recurrence(today());
        return db.tx(tx -> repo.save(tx, next));
    }

    /** Finds a deviation by case reference, for linking to an event analysis. */
    public SaveResult<Long> deviationByCaseRef(String caseRef) {
        Optional<Long> id = caseRef == null ? Optional.empty() : deviations.findIdByCaseRef(caseRef.strip());
        return id.map(SaveResult::saved).orElseGet(() -> SaveResult.rejected(
                List.of(new Problem("deviations", "deviation.validation.linkTargetMissing", caseRef))));
    }

    public List<LinkedDeviation> linkedDeviations(long analysisId) {
        return repo.linkedDeviations(analysisId);
    }

    // ---- measures ------------------------------------------------------------------

    public List<Measure> measures(long analysisId) {
        return repo.measures(analysisId);
    }

    public SaveResult<Measure> saveMeasure(Measure m) {
        List<Problem> p = new ArrayList<>();
        if (!RiskAnalysis.SOURCE.equals(m.sourceType()) || m.sourceId() == null) {
            throw new IllegalArgumentException("Åtgärden hör inte till en analys.");
        }
        p.addAll(se.kvalitetshjulet.domain.action.ActionRules.validate(m));
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.RISK_ANALYSIS,
                java.util.Arrays.asList(m.what(), m.effectCheck())).ifPresent(p::add);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(db.tx(tx -> deviations.saveMeasure(tx, m)));
    }

    public void deleteMeasure(long id) {
        db.txRun(tx -> deviations.deleteMeasure(tx, id));
    }

    // ---- reports -------------------------------------------------------------------

    public RiskReport report(long id) {
        RiskAnalysis a = find(id).orElseThrow(() -> new IllegalStateException("Analysen finns inte (id " + id + ")."));
        OrgTree tree = organisation.tree();
        return new RiskReport(a, template(a.templateId()), tree.find(a.unitId()).map(Unit::name).orElse(""),
                tree.path(a.unitId()), repo.measures(id), repo.linkedDeviations(id),
                a.trigger() == null ? null : reasons().stream().filter(e -> a.trigger().code().equals(e.code()))
                        .map(se.kvalitetshjulet.domain.lists.ListEntry::name).findFirst().orElse(a.trigger().code()));
    }

    /**
     * The coordinator's risk-analysis reasons (Listor och regler), active and retired, in the coordinator's order.
     * The editor offers the active ones; a retired one stays readable on the analyses that have it.
     */
    public List<se.kvalitetshjulet.domain.lists.ListEntry> reasons() {
        return repo.reasons();
    }

    /** A reason must be on the list, and a retired one may not be chosen anew (only an analysis that had it keeps it). */
    private java.util.Optional<Problem> reasonProblem(RiskAnalysis a) {
        if (a.trigger() == null) {
            return java.util.Optional.empty();
        }
        var reason = reasons().stream().filter(e -> a.trigger().code().equals(e.code())).findFirst();
        if (reason.isEmpty()) {
            return java.util.Optional.of(new Problem("trigger", "risk.validation.reasonUnknown"));
        }
        if (!reason.get().active()) {
            RiskTrigger stored = a.id() == null ? null : find(a.id()).map(RiskAnalysis::trigger).orElse(null);
            if (!a.trigger().equals(stored)) {
                return java.util.Optional.of(new Problem("trigger", "risk.validation.reasonRetired"));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Kvalitetsberättelse, Bilaga 1: the decided risk analyses of {@code year}, grouped by verksamhetsområde (in the
     * areas' order), each with where it was done, the measures taken and the routines improved.
     */
    public List<AppendixRow> appendix(int year) {
        OrgTree tree = organisation.tree();
        List<BusinessArea> areas = organisation.businessAreas();
        Map<Long, Integer> areaOrder = new HashMap<>();
        Map<Long, String> areaName = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            areaOrder.put(areas.get(i).id(), i);
            areaName.put(areas.get(i).id(), areas.get(i).name());
        }
        List<RiskAnalysisRow> rows = repo.search(new RiskFilter(AnalysisKind.RISKANALYS, null, null, null, year, false),
                today()).stream().filter(r -> r.status() != AnalysisStatus.UTKAST).toList();
        Set<Long> ids = rows.stream().map(RiskAnalysisRow::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, List<Measure>> measures = repo.measures(ids);
        record Keyed(int order, LocalDate on, AppendixRow row) { }
        List<Keyed> out = new ArrayList<>();
        for (RiskAnalysisRow r : rows) {
            RiskAnalysis a = find(r.id()).orElseThrow();
            Long area = tree.effectiveBusinessArea(r.unitId());
            String measureText = measures.getOrDefault(r.id(), List.of()).stream().map(Measure::what)
                    .collect(Collectors.joining(" "));
            if (measureText.isBlank()) {
                String reason = a.noMeasuresReason().strip();
                measureText = reason.isEmpty() || reason.toLowerCase(java.util.Locale.ROOT).startsWith("inga åtgärder")
                        ? reason : "Inga åtgärder. " + reason;
            }
            out.add(new Keyed(area == null ? Integer.MAX_VALUE : areaOrder.getOrDefault(area, Integer.MAX_VALUE),
                    r.analysedOn(), new AppendixRow(area == null ? "" : areaName.get(area), r.id(), r.title(),
                    where(tree, r.unitId()), measureText, a.improvedRoutines())));
        }
        return out.stream().sorted(Comparator.comparingInt(Keyed::order).thenComparing(Keyed::on))
                .map(Keyed::row).toList();
    }

    private static String where(OrgTree tree, long unitId) {
        Optional<Unit> u = tree.find(unitId);
        if (u.isEmpty()) {
            return "";
        }
        if (u.get().level() == OrgLevel.SEKTION && u.get().parentId() != null) {
            return tree.find(u.get().parentId()).map(p -> p.name() + ": ").orElse("") + u.get().name();
        }
        return u.get().name();
    }

    public OrganisationService organisation() {
        return organisation;
    }
}

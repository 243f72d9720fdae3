package se.kvalitetshjulet.app;

import java.time.Clock;
import java.time.LocalDate;

import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.ActionRepository;
import se.kvalitetshjulet.data.repo.AnnualCycleRepository;
import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.data.repo.QualityPlanRepository;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.ReportRepository;
import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.data.repo.SelfCheckRepository;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.service.AnnualCycleService;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.QualityPlanService;
import se.kvalitetshjulet.service.demo.DemoDataService;
import se.kvalitetshjulet.service.DeviationService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.PatternService;
import se.kvalitetshjulet.service.TrendService;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.export.ReportExporter;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.export.SelfCheckExporter;
import se.kvalitetshjulet.export.DeviationExporter;
import se.kvalitetshjulet.export.PatternExporter;

/**
 * Composition root for one opened database: builds repositories and services once and
 * hands them to commands and view models by constructor.
 */
public final class AppContext implements AutoCloseable {
    private final Database database;
    private final Clock clock;
    private final Actor actor = new Actor();
    private final AuditTrail audit;
    private final SettingsRepository settings;
    private final se.kvalitetshjulet.service.PrivacyService privacy;
    private final se.kvalitetshjulet.service.SettingsService settingsService;
    private final UnitRepository units;
    private final TaxonomyRepository taxonomies;
    private final DeviationRepository deviations;
    private final OrganisationService organisation;
    private final DeviationService deviationService;
    private final SavedFilterRepository savedFilters;
    private final PatternService patterns;
    private final DenominatorRepository denominators;
    private final se.kvalitetshjulet.service.DenominatorService denominatorService;
    private final TrendService trends;
    private final SelfCheckRepository selfCheckRepository;
    private final SelfCheckService selfChecks;
    private final se.kvalitetshjulet.service.SelfCheckHandoverService selfCheckHandover;
    private final RiskRepository risks;
    private final RiskService riskService;
    private final ReportRepository reportRepository;
    private final ActionRepository actions;
    private final ActionService actionService;
    private final CouncilRepository councils;
    private final CouncilService councilService;
    private final AnnualCycleRepository annualCycle;
    private final AnnualCycleService annualCycleService;
    private final QualityPlanRepository qualityPlans;
    private final QualityPlanService qualityPlanService;
    private final ReportService reports;
    private final se.kvalitetshjulet.data.repo.KeyFigureRepository keyFigureRepository;
    private final se.kvalitetshjulet.service.keyfigure.KeyFigureService keyFigures;
    private final se.kvalitetshjulet.service.keyfigure.UnitKeyFigureService unitKeyFigures;
    private final se.kvalitetshjulet.service.keyfigure.FollowUpService followUps;
    private final se.kvalitetshjulet.service.ListsService lists;
    private final se.kvalitetshjulet.service.OrgFileService orgFile;
    private final se.kvalitetshjulet.service.Bilaga2Service bilaga2;
    private final se.kvalitetshjulet.service.AuditService auditService;
    private final se.kvalitetshjulet.service.TaxonomyService taxonomyService;
    private final se.kvalitetshjulet.service.SavedFilterService savedFilterService;
    // h5: backups of the database file (decision 0020)
    private final se.kvalitetshjulet.service.BackupService backups;
    // h2: the deviation editor's autosaved drafts (decision 0027)
    private final se.kvalitetshjulet.service.DeviationDraftService deviationDrafts;
    private final se.kvalitetshjulet.service.FirstStartService firstStart;
    // h5: others' changes (decision 0030)
    private final se.kvalitetshjulet.service.ChangeService changes;
    private final se.kvalitetshjulet.service.OfflineDraftService offlineDrafts;

    public AppContext(Database database, Clock clock) {
        this.database = database;
        if (database.engine() instanceof se.kvalitetshjulet.data.PostgresServer server) {
            actor.choose(server.url().user()); // on a server the audit trail names the login (decision 10)
        }
        this.clock = clock;
        this.audit = new AuditTrail(database, actor, clock);
        this.settings = new SettingsRepository(database);
        this.privacy = new se.kvalitetshjulet.service.PrivacyService(settings);
        this.units = new UnitRepository(database, audit);
        this.taxonomies = new TaxonomyRepository(database);
        this.deviations = new DeviationRepository(database, audit);
        this.organisation = new OrganisationService(units);
        this.deviationService = new DeviationService(database, deviations, taxonomies, organisation, clock, privacy);
        this.settingsService = new se.kvalitetshjulet.service.SettingsService(database, settings, taxonomies, privacy,
                audit, actor, clock);
        settingsService.applyMyName();
        this.savedFilters = new SavedFilterRepository(database);
        this.patterns = new PatternService(deviations, organisation);
        this.denominators = new DenominatorRepository(database, audit);
        this.trends = new TrendService(deviations, denominators,
                new se.kvalitetshjulet.data.repo.ChartRepository(database));
        this.denominatorService = new se.kvalitetshjulet.service.DenominatorService(database, denominators, organisation);
        this.selfCheckRepository = new SelfCheckRepository(database, audit);
        this.selfChecks = new SelfCheckService(database, selfCheckRepository, organisation, actor, clock)
                .withPrivacy(privacy);
        this.selfCheckHandover = new se.kvalitetshjulet.service.SelfCheckHandoverService(database, selfCheckRepository,
                new se.kvalitetshjulet.data.repo.SelfCheckHandoverRepository(audit), units, organisation, actor, clock)
                .withPrivacy(privacy);
        this.risks = new RiskRepository(database, audit);
        this.riskService = new RiskService(database, risks, deviations, organisation, clock).withPrivacy(privacy);
        this.actions = new ActionRepository(database);
        this.actionService = new ActionService(database, actions, deviations, organisation, clock).withPrivacy(privacy);
        this.councils = new CouncilRepository(database, audit);
        this.councilService = new CouncilService(database, councils, actions, deviations, trends, riskService,
                organisation, clock).withPrivacy(privacy);
        this.annualCycle = new AnnualCycleRepository(database, audit);
        this.annualCycleService = new AnnualCycleService(database, annualCycle, clock).withPrivacy(privacy);
        this.qualityPlans = new QualityPlanRepository(database, audit);
        this.qualityPlanService = new QualityPlanService(database, qualityPlans, actions, deviations, organisation,
                clock).withPrivacy(privacy);
        this.reportRepository = new ReportRepository(database, audit);
        // h5: key figures, the user survey and aggregated individual follow-up
        this.keyFigureRepository = new se.kvalitetshjulet.data.repo.KeyFigureRepository(database, audit);
        var koladaUnits = new se.kvalitetshjulet.data.repo.KoladaUnitRepository(database, audit);
        this.keyFigures = new se.kvalitetshjulet.service.keyfigure.KeyFigureService(database, keyFigureRepository,
                settings, organisation, koladaUnits);
        this.followUps = new se.kvalitetshjulet.service.keyfigure.FollowUpService(database,
                new se.kvalitetshjulet.data.repo.FollowUpRepository(database, audit), keyFigureRepository, organisation,
                clock);
        // h4: key figures per unit (Kolada ou linked to our units, own measures beside municipality values)
        this.unitKeyFigures = new se.kvalitetshjulet.service.keyfigure.UnitKeyFigureService(database, koladaUnits,
                keyFigures, followUps, organisation, clock);
        this.reports = new ReportService(database, reportRepository, deviations, denominators, patterns, riskService,
                selfChecks, organisation, new se.kvalitetshjulet.service.keyfigure.AggregatedReportBuilder(keyFigures,
                        followUps, organisation).withUnits(unitKeyFigures));
        this.lists = new se.kvalitetshjulet.service.ListsService(database,
                new se.kvalitetshjulet.data.repo.ListsRepository(database, audit));
        var boardRows = new se.kvalitetshjulet.data.repo.Bilaga2Repository(database, audit);
        this.bilaga2 = new se.kvalitetshjulet.service.Bilaga2Service(database, boardRows, selfChecks, organisation)
                .withPrivacy(privacy);
        this.reports.withBilaga2(bilaga2).withSettings(settings).withPrivacy(privacy);
        // The reports' run and control charts, in the application's language (as the signal texts).
        this.reports.withCharts(chartBuilder(se.kvalitetshjulet.service.ChartTexts.forLocale(
                se.kvalitetshjulet.domain.spc.SpcMessages.applicationLocale())));
        this.orgFile = new se.kvalitetshjulet.service.OrgFileService(database, units,
                new se.kvalitetshjulet.data.repo.UnitExternalIdRepository(database, audit));
        this.auditService = new se.kvalitetshjulet.service.AuditService(audit);
        this.taxonomyService = new se.kvalitetshjulet.service.TaxonomyService(taxonomies);
        this.savedFilterService = new se.kvalitetshjulet.service.SavedFilterService(savedFilters);
        this.backups = new se.kvalitetshjulet.service.BackupService(database, settings, audit, clock);
        this.deviationDrafts = new se.kvalitetshjulet.service.DeviationDraftService(
                new se.kvalitetshjulet.data.repo.DeviationDraftRepository(database), privacy, settingsService, clock);
        this.firstStart = new se.kvalitetshjulet.service.FirstStartService(settings, organisation);
        this.changes = new se.kvalitetshjulet.service.ChangeService(database);
        // h5: self-check drafts kept in the user's own data folder while the server does not answer (decision 0030)
        this.offlineDrafts = new se.kvalitetshjulet.service.OfflineDraftService(selfChecks, changes,
                database.engine() instanceof se.kvalitetshjulet.data.PostgresServer server
                        ? AppPaths.dataDir().resolve("utkast-server").resolve(server.url().toString()
                                .replaceFirst("^postgresql://", "").replaceAll("[^A-Za-z0-9._@-]", "_"))
                        : null);
    }

    public Database database() { return database; }

    /** The database file, or null for a server database. */
    public java.nio.file.Path databaseFile() { return database.file(); }
    /** The file name or the server address, for the title bar. */
    public String databaseDescription() { return database.describe(); }
    public boolean databaseEncrypted() { return database.encrypted(); }
    public se.kvalitetshjulet.service.AuditService auditService() { return auditService; }
    public se.kvalitetshjulet.service.TaxonomyService taxonomyService() { return taxonomyService; }
    public se.kvalitetshjulet.service.SavedFilterService savedFilterService() { return savedFilterService; }
    public Clock clock() { return clock; }
    public LocalDate today() { return LocalDate.now(clock); }
    public Actor actor() { return actor; }
    public AuditTrail audit() { return audit; }
    public SettingsRepository settings() { return settings; }
    public se.kvalitetshjulet.service.PrivacyService privacy() { return privacy; }
    public se.kvalitetshjulet.service.SettingsService settingsService() { return settingsService; }
    public UnitRepository units() { return units; }
    public TaxonomyRepository taxonomies() { return taxonomies; }
    public DeviationRepository deviations() { return deviations; }
    public OrganisationService organisation() { return organisation; }
    public DeviationService deviationService() { return deviationService; }

    public SavedFilterRepository savedFilters() { return savedFilters; }
    public PatternService patterns() { return patterns; }
    public DenominatorRepository denominators() { return denominators; }
    public se.kvalitetshjulet.service.DenominatorService denominatorService() { return denominatorService; }
    public TrendService trends() { return trends; }

    /** The one chart builder (chart screen, presentation, council deck, reports), in the given language. */
    public se.kvalitetshjulet.service.ChartBuilder chartBuilder(se.kvalitetshjulet.service.ChartTexts texts) {
        return new se.kvalitetshjulet.service.ChartBuilder(organisation, trends, riskService, taxonomies, savedFilters,
                this::today, texts);
    }
    public SelfCheckRepository selfCheckRepository() { return selfCheckRepository; }
    public SelfCheckService selfChecks() { return selfChecks; }
    public se.kvalitetshjulet.service.SelfCheckHandoverService selfCheckHandover() { return selfCheckHandover; }
    public RiskRepository risks() { return risks; }
    public RiskService riskService() { return riskService; }
    public ReportRepository reportRepository() { return reportRepository; }
    public ActionRepository actions() { return actions; }
    public ActionService actionService() { return actionService; }
    public CouncilRepository councils() { return councils; }
    public CouncilService councilService() { return councilService; }
    public AnnualCycleRepository annualCycle() { return annualCycle; }
    public AnnualCycleService annualCycleService() { return annualCycleService; }
    public QualityPlanRepository qualityPlans() { return qualityPlans; }
    public QualityPlanService qualityPlanService() { return qualityPlanService; }

    public se.kvalitetshjulet.export.CouncilMinutesExporter councilMinutesExporter(java.util.Locale locale) {
        return new se.kvalitetshjulet.export.CouncilMinutesExporter(java.util.ResourceBundle.getBundle("i18n.messages",
                locale, java.util.ResourceBundle.Control.getNoFallbackControl(
                        java.util.ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
    public ReportService reports() { return reports; }
    public se.kvalitetshjulet.service.keyfigure.KeyFigureService keyFigures() { return keyFigures; }
    public se.kvalitetshjulet.service.keyfigure.UnitKeyFigureService unitKeyFigures() { return unitKeyFigures; }
    public se.kvalitetshjulet.service.keyfigure.FollowUpService followUps() { return followUps; }
    public se.kvalitetshjulet.service.ListsService lists() { return lists; }
    public se.kvalitetshjulet.service.OrgFileService orgFile() { return orgFile; }
    public se.kvalitetshjulet.service.Bilaga2Service bilaga2() { return bilaga2; }
    public se.kvalitetshjulet.service.BackupService backups() { return backups; }
    public se.kvalitetshjulet.service.DeviationDraftService deviationDrafts() { return deviationDrafts; }
    public se.kvalitetshjulet.service.FirstStartService firstStart() { return firstStart; }
    /** h5: what the person who opened the database may do (a file: everything; a server login: its roles). */
    public se.kvalitetshjulet.domain.org.SessionAccess access() { return database.engine().access(); }
    /** h3 (decision 0034): what this login may do in the program, derived from {@link #access()}. */
    public se.kvalitetshjulet.domain.org.Permissions permissions() {
        return se.kvalitetshjulet.domain.org.Permissions.of(access());
    }
    /** h5: self-check drafts that survive a lost server connection (decision 0030). */
    public se.kvalitetshjulet.service.OfflineDraftService offlineDrafts() { return offlineDrafts; }
    /** h5: others' changes, by topic (decision 0030); the feed starts with the first watch. */
    public se.kvalitetshjulet.service.ChangeService changes() { return changes; }

    public ReportExporter reportExporter(java.util.Locale locale) {
        return new ReportExporter(java.util.ResourceBundle.getBundle("i18n.messages", locale,
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public SelfCheckExporter selfCheckExporter() {
        return new SelfCheckExporter();
    }

    public se.kvalitetshjulet.service.imports.ImportMappingService importMappingService() {
        return new se.kvalitetshjulet.service.imports.ImportMappingService(
                new se.kvalitetshjulet.data.repo.MappingRepository(database));
    }

    public se.kvalitetshjulet.service.imports.DeviationImporter deviationImporter() {
        return new se.kvalitetshjulet.service.imports.DeviationImporter(database, units, taxonomies, audit, clock,
                () -> privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.IMPORT));
    }

    public DeviationExporter deviationExporter() {
        return new DeviationExporter(deviations, organisation::tree);
    }

    public PatternExporter patternExporter() {
        return new PatternExporter(java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.of("sv"),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public DemoDataService demoData() {
        return new DemoDataService(database, units, taxonomies, deviations, settings, denominators, selfChecks, risks,
                councilService, actionService, annualCycleService, qualityPlanService);
    }

    @Override
    public void close() {
        changes.close();
        database.close();
    }
}

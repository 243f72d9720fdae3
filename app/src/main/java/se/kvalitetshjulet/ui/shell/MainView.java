package se.kvalitetshjulet.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.deviation.DeviationListView;
import se.kvalitetshjulet.ui.deviation.DeviationListViewModel;
import se.kvalitetshjulet.ui.deviation.PatternView;
import se.kvalitetshjulet.ui.deviation.PatternViewModel;
import se.kvalitetshjulet.ui.home.HomeView;
import se.kvalitetshjulet.ui.home.HomeViewModel;
import se.kvalitetshjulet.ui.organisation.OrganisationView;
import se.kvalitetshjulet.ui.organisation.OrganisationViewModel;
import se.kvalitetshjulet.ui.report.ReportView;
import se.kvalitetshjulet.ui.report.ReportViewModel;
import se.kvalitetshjulet.ui.risk.RiskListView;
import se.kvalitetshjulet.ui.risk.RiskListViewModel;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckView;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;
import se.kvalitetshjulet.ui.trend.TrendView;
import se.kvalitetshjulet.ui.trend.TrendViewModel;

/**
 * The main window's content: navigation on the left, the chosen screen in the middle, the
 * background-work status with a cancel button at the bottom. Screens are built on first use.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Map<Section, Supplier<Parent>> factories = new EnumMap<>(Section.class);
    private final Map<Section, Parent> built = new EnumMap<>(Section.class);
    private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
    private final DeviationListViewModel deviationList;
    private final javafx.scene.control.ScrollPane screenScroll = new javafx.scene.control.ScrollPane();
    private final TrendViewModel trends;
    /** h5: what "Återställ …" in Inställningar → Säkerhetskopior does; set by the shell (null: not offered). */
    private se.kvalitetshjulet.ui.settings.BackupsViewModel.Restorer backupRestorer;
    private java.util.function.Consumer<java.util.Locale> languageSwitcher;
    private java.util.function.Consumer<se.kvalitetshjulet.ui.common.Theme> themeSaver;
    private final LiveRefresh live;
    private final javafx.beans.value.ObservableValue<Boolean> shown;
    /** h5 (issue 15): the screens this login may open; the others are not offered. */
    private final java.util.Set<Section> allowed;
    /** h3: whether this login may use the first-start guide (it writes the organisation and lists). */
    private final boolean mayStart;

    /** h2: the first-start guide (decision 0027). */
    private final FirstStartLauncher firstStart;

    public MainView(AppContext ctx, I18n i18n, TaskRunner tasks, DialogService dialogs) {
        this.vm = new MainViewModel(ctx, i18n);
        this.firstStart = new FirstStartLauncher(ctx, tasks, dialogs, i18n,
                () -> getScene() == null ? null : getScene().getWindow());
        getStyleClass().add("main-view");
        setId("mainView");
        this.deviationList = new DeviationListViewModel(FeatureContexts.deviation(ctx), tasks, dialogs, i18n);
        this.trends = new TrendViewModel(FeatureContexts.trend(ctx), tasks, dialogs, i18n);

        this.allowed = RoleNavigation.sections(ctx.permissions());
        this.mayStart = ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.GENERAL_SETTINGS);
        factories.put(Section.HOME, () -> {
            HomeViewModel hvm = new HomeViewModel(FeatureContexts.home(ctx), tasks, dialogs, i18n);
            if (ctx.access().aggregatesOnly()) {
                hvm.showAggregatesOnly(); // h5: läsare/nämnd (issue 15)
            }
            HomeView home = new HomeView(hvm, i18n, id -> {
                vm.show(Section.DEVIATIONS);
                deviationList().open(id);
            }, () -> {
                vm.show(Section.DEVIATIONS);
                deviationList().showOverdue();
            });
            if (mayStart) {
                firstStart.offerOn(home); // h2: "Kom igång" while the first-start guide is offered (decision 0027)
            }
            return home;
        });
        factories.put(Section.DEVIATIONS, () -> new DeviationListView(deviationList(), i18n));
        factories.put(Section.PATTERNS, () -> new PatternView(new PatternViewModel(FeatureContexts.deviation(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.TRENDS, () -> new TrendView(trends, i18n));
        factories.put(Section.SELFCHECKS, () -> new SelfCheckView(new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.RISKS, () -> new RiskListView(
                new RiskListViewModel(FeatureContexts.risk(ctx), ctx.riskService(), tasks, dialogs, i18n), i18n));
        factories.put(Section.REPORTS, () -> new ReportView(new ReportViewModel(FeatureContexts.report(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.ACTIONS, () -> new se.kvalitetshjulet.ui.action.ActionListView(
                new se.kvalitetshjulet.ui.action.ActionListViewModel(FeatureContexts.action(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.COUNCILS, () -> {
            var councils = new se.kvalitetshjulet.ui.council.CouncilViewModel(FeatureContexts.council(ctx), tasks, dialogs, i18n);
            // "Redigera diagrammen": the chart screen with this council's deck chosen.
            councils.setDeckEditor((unitId, unitName) -> {
                trends.editDeck(unitId, unitName);
                vm.show(Section.TRENDS);
            });
            return new se.kvalitetshjulet.ui.council.CouncilView(councils, i18n);
        });
        factories.put(Section.QUALITY, () -> new se.kvalitetshjulet.ui.plan.QualityPlanView(
                new se.kvalitetshjulet.ui.plan.QualityPlanViewModel(FeatureContexts.plan(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.CALENDAR, () -> new se.kvalitetshjulet.ui.cycle.AnnualCycleView(
                new se.kvalitetshjulet.ui.cycle.AnnualCycleViewModel(FeatureContexts.cycle(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.KEYFIGURES, () -> {
            var kf = new se.kvalitetshjulet.ui.keyfigure.KeyFigureView(
                    new se.kvalitetshjulet.ui.keyfigure.KeyFigureViewModel(ctx.keyFigures(), ctx.followUps(),
                            ctx.organisation(), ctx.unitKeyFigures(), tasks, dialogs, i18n, ctx.clock()), i18n);
            return ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.EDIT_KEY_FIGURES) ? kf
                    : kf.readingOnly();
        });
        factories.put(Section.ORGANISATION, () -> new OrganisationView(new OrganisationViewModel(FeatureContexts.organisation(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.LISTS, () -> new se.kvalitetshjulet.ui.lists.ListsView(
                new se.kvalitetshjulet.ui.lists.ListsViewModel(FeatureContexts.lists(ctx), tasks, dialogs, i18n), i18n));
        factories.put(Section.SETTINGS, () -> {
            var settings = new se.kvalitetshjulet.ui.settings.SettingsView(
                    new se.kvalitetshjulet.ui.settings.SettingsViewModel(FeatureContexts.settings(ctx), tasks, dialogs,
                            i18n), i18n);
            // h4: Språk (issue 18), applied at once by the shell
            if (languageSwitcher != null) {
                settings.addSection(i18n.get("h4.language.title"), i18n.get("h4.language.help"),
                        new se.kvalitetshjulet.ui.settings.LanguagePane(i18n, languageSwitcher));
            }
            // h2: Kom igång, the first-start guide again (decision 0027)
            if (ctx.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.GENERAL_SETTINGS)) {
                settings.addSection(i18n.get("h2.guide.title"), i18n.get("h2.guide.settingsHelp"),
                        firstStart.settingsButton());
            }
            // h3: Utseende (issue 18), applied at once to this window, remembered by the shell
            settings.addSection(i18n.get("h3.theme.title"), i18n.get("h3.theme.help"),
                    new se.kvalitetshjulet.ui.settings.AppearancePane(i18n, theme -> {
                        theme.applyTo(getScene());
                        if (themeSaver != null) {
                            themeSaver.accept(theme);
                        }
                    }));
            // h5: Säkerhetskopior (decision 0020), for a database file the app can write
            if (ctx.backups().available()) {
                settings.addSection(i18n.get("h5.backup.title"), i18n.get("h5.backup.help"),
                        new se.kvalitetshjulet.ui.settings.BackupsPane(new se.kvalitetshjulet.ui.settings.BackupsViewModel(
                                ctx.backups(), tasks, dialogs, i18n, backupRestorer,
                                se.kvalitetshjulet.ui.settings.BackupsViewModel.desktopOpener()), i18n));
            }
            return settings;
        });

        screenScroll.setId("screenScroll");
        screenScroll.setFitToWidth(true);
        screenScroll.setFitToHeight(true);
        screenScroll.getStyleClass().add("screen-scroll");
        // tables and lists filled by a load are fitted once the load is back (issue 18)
        tasks.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                javafx.application.Platform.runLater(() -> {
                    se.kvalitetshjulet.ui.common.FitText.apply(screenScroll.getContent());
                    se.kvalitetshjulet.ui.common.Mnemonics.apply(getScene()); // h1: Alt+letter on what the load showed
                });
            }
        });
        setTop(menuBar(i18n));
        setLeft(navigation(i18n));
        setBottom(statusBar(i18n, tasks));
        vm.sectionProperty().addListener((o, a, s) -> showSection(s));
        showSection(vm.sectionProperty().get());
        // h1 (decision 0026): Alt letters and type-ahead in the window, F1 in the editor windows
        sceneProperty().addListener((o, a, scene) -> se.kvalitetshjulet.ui.common.Mnemonics.install(scene));
        se.kvalitetshjulet.ui.common.EditorWindow.helpOpener((w, topic) -> HelpWindow.show(w, i18n, topic));

        vm.projectorModeProperty().addListener((o, a, on) -> {
            if (on) {
                getStyleClass().add("projector");
            } else {
                getStyleClass().remove("projector");
            }
            fillScreenForProjector(on);
        });
        // h5 (decision 0030): others' changes reload the shown screen when it shows what changed
        this.live = new LiveRefresh(ctx.changes(), javafx.application.Platform::runLater, screenScroll::getContent);
        // ... and ends when this view's window closes or the view leaves it: the feed must not keep it alive
        shown = sceneProperty().flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty).orElse(false);
        shown.addListener((o, was, is) -> {
            if (was && !is) {
                live.close();
            }
            if (is && !focusedAtStart) {
                focusedAtStart = true;
                afterFirstFrame(this::focusShownScreenInNavigation);
            }
            if (is && refreshWhenShown != null) {
                var first = refreshWhenShown;
                refreshWhenShown = null;
                // after the window's first frame (decision 0039): the load, and the parts of the screen built with it,
                // do not compete with that frame for the processor
                afterFirstFrame(() -> {
                    if (screenScroll.getContent() == first) {
                        first.refresh();
                    }
                });
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                // h4 (issue 18): the window's keys, every one from the registry the shortcut sheet lists
                scene.getAccelerators().putAll(windowShortcuts(i18n));
            }
        });
    }

    /** Whether the first focus has been given (once, when the window first shows). */
    private boolean focusedAtStart;

    /**
     * The first focus goes to the shown screen's button in the navigation. Left to the scene it went to the first
     * control it could reach, the projector switch (the sections' scroll pane has no skin, so no buttons, before the
     * first layout), and a keyboard user's first Space turned the projector mode on. Not when the user or a screen has
     * already put the focus somewhere else.
     */
    private void focusShownScreenInNavigation() {
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        if (owner == null || "projectorToggle".equals(owner.getId())) {
            ToggleButton b = navButtons.get(vm.sectionProperty().get());
            if (b != null && b.isVisible()) {
                b.requestFocus();
            }
        }
    }

    /** Runs {@code r} once the scene's next pulse has laid out the window and handed its frame on (decision 0039). */
    private void afterFirstFrame(Runnable r) {
        javafx.scene.Scene scene = getScene();
        boolean[] queued = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!queued[0]) {
                queued[0] = true;
                javafx.application.Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    if (!stopped) { // not when the app stopped within that frame (the start-up probe does)
                        r.run();
                    }
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /** Whether the window was maximised before the projector mode maximised it (restored when the mode ends). */
    private boolean maximizedBeforeProjector;

    /**
     * A council projects the window: the larger text needs the whole screen, so the projector mode maximises the
     * window and gives it back its size when the mode ends (not full screen: the menu and the navigation stay).
     */
    private void fillScreenForProjector(boolean on) {
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            if (on) {
                maximizedBeforeProjector = stage.isMaximized();
                stage.setMaximized(true);
            } else if (!maximizedBeforeProjector) {
                stage.setMaximized(false);
            }
        }
    }

    /** What each of {@link se.kvalitetshjulet.ui.common.Shortcuts#window()} does in the main window. */
    private Map<KeyCombination, Runnable> windowShortcuts(I18n i18n) {
        Map<KeyCombination, Runnable> keys = new java.util.LinkedHashMap<>();
        Section[] sections = Section.values();
        for (int n = 1; n <= se.kvalitetshjulet.ui.common.Shortcuts.SCREEN_KEYS && n <= sections.length; n++) {
            Section s = sections[n - 1];
            keys.put(se.kvalitetshjulet.ui.common.Shortcuts.screen(n), () -> vm.show(s));
        }
        keys.put(se.kvalitetshjulet.ui.common.Shortcuts.HELP, () -> showHelp(i18n, HelpWindow.topic(vm.sectionProperty().get())));
        keys.put(se.kvalitetshjulet.ui.common.Shortcuts.PROJECTOR, () ->
                vm.projectorModeProperty().set(!vm.projectorModeProperty().get()));
        // Ctrl+N: the shown screen's "Ny …", also while the focus is in the navigation or the menu
        keys.put(se.kvalitetshjulet.ui.common.Shortcuts.NEW, () -> {
            if (screenScroll.getContent() instanceof se.kvalitetshjulet.ui.common.ShortcutTarget t) {
                t.onShortcut(se.kvalitetshjulet.ui.common.Shortcuts.NEW);
            }
        });
        if (!keys.keySet().containsAll(se.kvalitetshjulet.ui.common.Shortcuts.window())) {
            throw new IllegalStateException("A window shortcut on the sheet has no action");
        }
        return keys;
    }

    /** F1 and Hjälp → …: the help window at {@code topic}. */
    private void showHelp(I18n i18n, String topic) {
        HelpWindow.show(getScene() == null ? null : getScene().getWindow(), i18n, topic);
    }

    /** The menu bar (Alt+letter opens a menu): Visa (the screens), Hjälp (help, shortcuts, about). */
    private javafx.scene.control.MenuBar menuBar(I18n i18n) {
        javafx.scene.control.Menu view = new javafx.scene.control.Menu(i18n.get("h4.menu.view"));
        view.setId("menuView");
        Section[] sections = Section.values();
        for (int n = 0; n < sections.length; n++) {
            Section s = sections[n];
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(i18n.get("nav." + s.name().toLowerCase()));
            item.setMnemonicParsing(false);
            item.setId("menu-" + s.name().toLowerCase());
            if (n < se.kvalitetshjulet.ui.common.Shortcuts.SCREEN_KEYS) {
                item.setAccelerator(se.kvalitetshjulet.ui.common.Shortcuts.screen(n + 1));
            }
            item.setOnAction(e -> vm.show(s));
            item.setVisible(allowed.contains(s));
            view.getItems().add(item);
        }
        javafx.scene.control.CheckMenuItem projector = new javafx.scene.control.CheckMenuItem(i18n.get("h4.menu.projector"));
        projector.setAccelerator(se.kvalitetshjulet.ui.common.Shortcuts.PROJECTOR);
        projector.selectedProperty().bindBidirectional(vm.projectorModeProperty());
        view.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), projector);

        javafx.scene.control.Menu help = new javafx.scene.control.Menu(i18n.get("h4.menu.help"));
        help.setId("menuHelp");
        javafx.scene.control.MenuItem screenHelp = new javafx.scene.control.MenuItem(i18n.get("h4.menu.help.screen"));
        screenHelp.setId("menuHelpScreen");
        screenHelp.setAccelerator(se.kvalitetshjulet.ui.common.Shortcuts.HELP);
        screenHelp.setOnAction(e -> showHelp(i18n, HelpWindow.topic(vm.sectionProperty().get())));
        javafx.scene.control.MenuItem charts = new javafx.scene.control.MenuItem(i18n.get("h4.menu.help.charts"));
        charts.setId("menuHelpCharts");
        charts.setOnAction(e -> showHelp(i18n, HelpWindow.CHARTS));
        javafx.scene.control.MenuItem keys = new javafx.scene.control.MenuItem(i18n.get("h4.menu.help.shortcuts"));
        keys.setId("menuHelpShortcuts");
        keys.setOnAction(e -> showHelp(i18n, HelpWindow.SHORTCUTS));
        javafx.scene.control.MenuItem about = new javafx.scene.control.MenuItem(i18n.get("h4.menu.help.about"));
        about.setId("menuHelpAbout");
        about.setOnAction(e -> AboutDialog.show(getScene() == null ? null : getScene().getWindow(), i18n,
                vm.databaseFile(), vm.encrypted()));
        help.getItems().addAll(screenHelp, charts, keys, new javafx.scene.control.SeparatorMenuItem(), about);
        javafx.scene.control.MenuBar bar = new javafx.scene.control.MenuBar(view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Up and Down in the navigation change the screen, as the highlight moves (issue 18). */
    private void followArrows(VBox sections) {
        sections.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean down = se.kvalitetshjulet.ui.common.Shortcuts.NAV_DOWN.match(e);
            if (!down && !se.kvalitetshjulet.ui.common.Shortcuts.NAV_UP.match(e)) {
                return;
            }
            Section[] all = Section.values();
            int at = vm.sectionProperty().get().ordinal() + (down ? 1 : -1);
            while (at >= 0 && at < all.length && !allowed.contains(all[at])) {
                at += down ? 1 : -1; // h5: past the screens this login may not open
            }
            if (at >= 0 && at < all.length) {
                vm.show(all[at]);
                navButtons.get(all[at]).requestFocus();
            }
            e.consume();
        });
    }

    /** The register's view model is shared: home opens records through it. */
    private DeviationListViewModel deviationList() {
        return deviationList;
    }

    public MainViewModel viewModel() {
        return vm;
    }

    private Node navigation(I18n i18n) {
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label(i18n.get("app.name"));
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        if (vm.demoProperty().get()) {
            Label demo = new Label(i18n.get("app.demoBadge"));
            demo.getStyleClass().add("demo-badge");
            demo.setId("demoBadge");
            if (!vm.encrypted()) {
                demo.setTooltip(new Tooltip(i18n.get("h6.demo.plain")));
            }
            nav.getChildren().add(demo);
        }
        ToggleGroup group = new ToggleGroup();
        VBox sections = new VBox(2);
        sections.getStyleClass().add("nav-sections");
        int i = 1;
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(i18n.get("nav." + s.name().toLowerCase()));
            b.setId("nav-" + s.name().toLowerCase());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            if (i <= 9) {
                b.setTooltip(new Tooltip(i18n.get("nav.shortcut", i)));
            }
            i++;
            b.setOnAction(e -> {
                vm.show(s);
                b.setSelected(true);
            });
            navButtons.put(s, b);
            b.setVisible(allowed.contains(s));
            b.setManaged(allowed.contains(s));
            sections.getChildren().add(b);
        }
        // h4 (issue 18): on a 768 px high screen the sections scroll; the projector switch stays in view
        javafx.scene.control.ScrollPane sectionScroll = new javafx.scene.control.ScrollPane(sections);
        sectionScroll.setId("navScroll");
        sectionScroll.setFitToWidth(true);
        sectionScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sectionScroll.getStyleClass().add("nav-scroll");
        sectionScroll.setMinHeight(0);
        VBox.setVgrow(sectionScroll, Priority.ALWAYS);
        nav.getChildren().add(sectionScroll);
        Region spacer = new Region();
        ToggleButton projector = new ToggleButton(i18n.get("nav.projector"));
        projector.setId("projectorToggle");
        projector.setMaxWidth(Double.MAX_VALUE);
        projector.setTooltip(new Tooltip(i18n.get("nav.projector.tooltip")));
        projector.selectedProperty().bindBidirectional(vm.projectorModeProperty());
        // "Om Kvalitetshjulet" is in the Hjälp menu (issue 18)
        followArrows(sections);
        nav.getChildren().addAll(spacer, projector);
        nav.setPrefWidth(240);
        return nav;
    }

    private Node statusBar(I18n i18n, TaskRunner tasks) {
        Label message = new Label();
        message.textProperty().bind(tasks.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(tasks.progressProperty());
        bar.setPrefWidth(200);
        Button cancel = new Button(i18n.get("common.cancel"));
        cancel.setId("cancelTask");
        cancel.setOnAction(e -> tasks.cancel());
        HBox box = new HBox(10, message, bar, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
        box.setPadding(new Insets(4, 10, 4, 10));
        box.visibleProperty().bind(tasks.runningProperty());
        box.managedProperty().bind(tasks.runningProperty());
        return box;
    }

    /** h2 (decision 0027): opens the first-start guide when the database is empty and not the demo (by the app). */
    public void offerFirstStart() {
        if (mayStart) { // h3: the guide writes the organisation and the lists (decision 0034)
            firstStart.openIfEmpty();
        }
    }

    private void showSection(Section s) {
        if (!allowed.contains(s)) {
            vm.show(Section.HOME); // h5: a key or a link to a screen this login may not open
            return;
        }
        Parent content = built.computeIfAbsent(s, k -> factories.get(k).get());
        // h4 (issue 18): a screen taller than the window (125 % scaling, a small laptop) scrolls instead of being cut
        screenScroll.setContent(content);
        if (getCenter() != screenScroll) {
            setCenter(screenScroll);
        }
        se.kvalitetshjulet.ui.common.FitText.apply(content);
        javafx.application.Platform.runLater(() -> se.kvalitetshjulet.ui.common.Mnemonics.apply(getScene())); // h1
        ToggleButton b = navButtons.get(s);
        if (b != null) {
            b.setSelected(true);
        }
        if (content instanceof se.kvalitetshjulet.ui.common.Refreshable r) {
            if (shown != null && shown.getValue()) {
                r.refresh();
            } else {
                refreshWhenShown = r; // h2 (decision 0033): the first screen's data is read once the window is up
            }
        }
    }

    /** h2 (decision 0033): the screens built so far (tests: each is built on its first visit, only home at start). */
    java.util.Set<Section> builtSections() {
        return java.util.Collections.unmodifiableSet(built.keySet());
    }

    /** h2: the screen whose load waits for the window to be shown (the start-up's first screen), or null. */
    private se.kvalitetshjulet.ui.common.Refreshable refreshWhenShown;

    /**
     * Kept so that branches written before the move still compile; implement
     * {@link se.kvalitetshjulet.ui.common.Refreshable} instead (a feature screen must not depend on the shell).
     */
    @Deprecated
    public interface Refreshable extends se.kvalitetshjulet.ui.common.Refreshable {
    }

    /** h3: where the shell remembers the theme chosen in Inställningar → Utseende; null: not remembered. */
    public void setThemeSaver(java.util.function.Consumer<se.kvalitetshjulet.ui.common.Theme> saver) {
        this.themeSaver = saver;
    }

    /** Set when the shell stops this window (replaced, or the app stopping): nothing more is loaded into it. */
    private boolean stopped;

    /** h5: ends this window's live refresh (before the shell replaces it with another main view, or stops). */
    public void stopLiveRefresh() {
        stopped = true;
        live.close();
    }

    /** h4: what "Språk" in Inställningar does (the app builds its window again in the chosen language); null: not offered. */
    public void setLanguageSwitcher(java.util.function.Consumer<java.util.Locale> switcher) {
        this.languageSwitcher = switcher;
    }

    /** h5: the shell's restore (close the database, restore, open it again); before the settings screen is shown. */
    public void setBackupRestorer(se.kvalitetshjulet.ui.settings.BackupsViewModel.Restorer restorer) {
        this.backupRestorer = restorer;
    }
}

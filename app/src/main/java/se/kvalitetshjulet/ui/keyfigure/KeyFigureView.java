package se.kvalitetshjulet.ui.keyfigure;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;

import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * The Nyckeltal screen: four tabs — Kolada key figures against chosen municipalities, the user survey per unit,
 * own key figures, and individual follow-up — each chart with its method and uncertainty written beside it.
 */
public final class KeyFigureView extends BorderPane implements Refreshable {
    private final KeyFigureViewModel vm;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();
    private final KeyFigureChoiceView choiceView;
    private Tab choiceTab;

    public KeyFigureView(KeyFigureViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("keyFigureView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("kf.screenTitle"));
        title.getStyleClass().add("h1");
        setTop(title);
        choiceView = new KeyFigureChoiceView(vm.choices());
        choiceTab = tab("kfTabChoice", "kf.tab.choice", scroll(choiceView));
        tabs.getTabs().addAll(tab("kfTabKolada", "kf.tab.kolada", kolada()), tab("kfTabSurvey", "kf.tab.survey", survey()),
                tab("kfTabOwn", "kf.tab.own", own()), tab("kfTabFollowUp", "kf.tab.followUp", followUp()), choiceTab);
        if (vm.perUnit() != null) {
            Tab unitTab = tab("kfTabUnit", "kf.tab.unit", scroll(new KeyFigureUnitView(vm.perUnit())));
            tabs.getTabs().add(4, unitTab);
            unitTab.setOnSelectionChanged(e -> {
                if (unitTab.isSelected()) {
                    vm.perUnit().refresh();
                }
            });
        }
        choiceTab.setOnSelectionChanged(e -> {
            if (choiceTab.isSelected()) {
                vm.choices().refresh();
            }
        });
        tabs.setId("kfTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));
        setCenter(tabs);
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(id);
        return t;
    }

    private Button button(String id, String key, se.kvalitetshjulet.ui.common.Command c) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        c.bind(b);
        return b;
    }

    /** A button that opens the "Urval" tab with the cursor in the given search field. */
    private Button showChoice(String id, String key, String focus) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setOnAction(e -> {
            tabs.getSelectionModel().select(choiceTab);
            javafx.application.Platform.runLater(() -> {
                Node field = choiceView.lookup(focus);
                if (field != null) {
                    field.requestFocus();
                }
            });
        });
        return b;
    }

    private static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer();
        v.setId(id);
        v.setMinHeight(260);
        v.setPrefHeight(340);
        return v;
    }

    private static Label note(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("explanation");
        return l;
    }

    // ---- Kolada --------------------------------------------------------------------------

    private Node kolada() {
        ComboBox<Kpi> kpi = new ComboBox<>(vm.followed());
        kpi.setId("kfKpi");
        kpi.setPrefWidth(520);
        kpi.valueProperty().bindBidirectional(vm.kpiProperty());
        kpi.setCellFactory(l -> kpiCell());
        kpi.setButtonCell(kpiCell());
        kpi.setPromptText(i18n.get("kf.kpi.prompt"));
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.setId("kfYear");
        year.valueProperty().bindBidirectional(vm.yearProperty());
        ComboBox<String> gender = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("T", "K", "M"));
        gender.setId("kfGender");
        gender.valueProperty().bindBidirectional(vm.genderProperty());
        gender.setCellFactory(l -> genderCell());
        gender.setButtonCell(genderCell());
        Label own = new Label();
        own.textProperty().bind(vm.ownMunicipalityProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.kpi")), kpi, new Label(i18n.get("kf.year")), year,
                gender, button("kfImportKolada", "kf.importKolada", vm.importKoladaCommand()),
                button("kfFetchKolada", "kf.fetch", vm.fetchKoladaCommand()),
                showChoice("kfChooseKpis", "kf.chooseKpis", "#kfKpiSearch"),
                showChoice("kfChooseComparisons", "kf.chooseComparisons", "#kfMunicipalitySearch"));
        bar.setAlignment(Pos.CENTER_LEFT);
        ChartViewer series = viewer("kfSeriesChart");
        ChartViewer compare = viewer("kfComparisonChart");
        Label seriesNote = note("kfSeriesNote");
        vm.kpiSeriesProperty().addListener((o, a, s) -> {
            KeyFigureCharts.show(series, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s, "", i18n));
            seriesNote.setText(s == null ? i18n.get("kf.noValues") : String.join("\n", vm.explain(s.run())));
        });
        vm.comparisonProperty().addListener((o, a, rows) -> KeyFigureCharts.show(compare, rows == null || rows.isEmpty() ? null
                : KeyFigureCharts.comparison(rows, i18n.get("kf.chart.comparisonTitle", String.valueOf(vm.yearProperty().get())), i18n)));
        Label text = note("kfComparisonText");
        text.textProperty().bind(vm.comparisonTextProperty());
        // one below the other, so that the comparison's row labels (respondents, response rate) leave room for the plot
        compare.setPrefHeight(380);
        VBox charts = new VBox(12, withNote(compare, text), withNote(series, seriesNote));
        VBox box = new VBox(10, new HBox(8, new Label(i18n.get("kf.ownMunicipality")), own), bar, charts);
        box.setPadding(new Insets(10));
        return scroll(box);
    }

    private static VBox withNote(Node chart, Label note) {
        VBox v = new VBox(6, chart, note);
        v.setPrefWidth(600);
        return v;
    }

    private ListCell<Kpi> kpiCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Kpi k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.id() + " – " + k.title());
            }
        };
    }

    private ListCell<String> genderCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : i18n.get("kf.gender." + g));
            }
        };
    }

    // ---- survey --------------------------------------------------------------------------

    private Node survey() {
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.surveyUnits());
        unit.setId("kfSurveyUnit");
        unit.setPrefWidth(360);
        unit.valueProperty().bindBidirectional(vm.surveyUnitProperty());
        ComboBox<KeyFigureViewModel.QuestionChoice> question = new ComboBox<>(vm.questions());
        question.setId("kfSurveyQuestion");
        question.setPrefWidth(420);
        question.valueProperty().bindBidirectional(vm.questionProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.unit")), unit, new Label(i18n.get("kf.question")), question,
                button("kfImportSurvey", "kf.importSurvey", vm.importSurveyCommand()));
        bar.setAlignment(Pos.CENTER_LEFT);
        ChartViewer chart = viewer("kfSurveyChart");
        Label chartNote = note("kfSurveyNote");
        vm.surveySeriesProperty().addListener((o, a, s) -> {
            KeyFigureCharts.show(chart, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s, "%", i18n));
            chartNote.setText(s == null ? "" : suppressedNote(s.values()) + " " + i18n.get("kf.method.short"));
        });
        ComboBox<Integer> year = new ComboBox<>(vm.surveyYears());
        year.setId("kfChangesYear");
        year.valueProperty().bindBidirectional(vm.surveyYearProperty());
        TableView<SurveyChange> changes = new TableView<>(vm.changes());
        changes.setId("kfChanges");
        changes.setPrefHeight(280);
        changes.getColumns().add(col("kf.col.unit", c -> c.unit(), 200));
        changes.getColumns().add(col("kf.col.question", c -> c.question(), 300));
        changes.getColumns().add(col("kf.col.previous", c -> value(c.previous()), 210));
        changes.getColumns().add(col("kf.col.latest", c -> value(c.current()), 210));
        changes.getColumns().add(col("kf.col.verdict", c -> vm.changeText(c.verdict()), 260));
        changes.setPlaceholder(new Label(i18n.get("kf.changes.none")));
        // the verdict column is what the kvalitetsdialog reads: fit all columns to the width instead of cutting it off
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox box = new VBox(10, bar, chart, chartNote, new HBox(8, new Label(i18n.get("kf.changes.title")), year), changes);
        box.setPadding(new Insets(10));
        return scroll(box);
    }

    private String suppressedNote(List<ComparedValue> values) {
        long suppressed = values.stream().filter(ComparedValue::suppressed).count();
        return suppressed == 0 ? "" : i18n.get("kf.suppressedYears", suppressed,
                se.kvalitetshjulet.domain.keyfigure.SurveyRules.SUPPRESSION_THRESHOLD);
    }

    private String value(ComparedValue v) {
        if (v == null) {
            return i18n.get("kf.value.noPrevious");
        }
        if (v.suppressed()) {
            return i18n.get("kf.value.suppressed", v.respondents());
        }
        if (v.value() == null) {
            return i18n.get("kf.value.missing");
        }
        String s = Math.round(v.value()) + " %";
        if (v.interval() != null) {
            s += " (" + Math.round(v.interval().lower()) + "–" + Math.round(v.interval().upper()) + ")";
        }
        if (v.respondents() != null) {
            s += ", " + i18n.get("kf.value.respondents", v.respondents());
        }
        return s;
    }

    private static <T> TableColumn<T, String> col(String key, java.util.function.Function<T, String> f, double width,
                                                  I18n i18n) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private <T> TableColumn<T, String> col(String key, java.util.function.Function<T, String> f, double width) {
        return col(key, f, width, i18n);
    }

    // ---- own key figures -----------------------------------------------------------------

    private Node own() {
        ComboBox<OwnFigure> figure = new ComboBox<>(vm.figures());
        figure.setId("kfOwnFigure");
        figure.setPrefWidth(420);
        figure.valueProperty().bindBidirectional(vm.figureProperty());
        figure.setCellFactory(l -> figureCell());
        figure.setButtonCell(figureCell());
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.units());
        unit.setId("kfOwnUnit");
        unit.setPrefWidth(360);
        unit.valueProperty().bindBidirectional(vm.ownUnitProperty());
        FlowPane bar = new FlowPane(8, 6, new Label(i18n.get("kf.figure")), figure, new Label(i18n.get("kf.unit")), unit,
                button("kfImportOwn", "kf.importOwn", vm.importOwnCommand()),
                button("kfNewOwnFigure", "kf.own.new", vm.newOwnFigureCommand()));
        bar.setAlignment(Pos.CENTER_LEFT);
        ChartViewer chart = viewer("kfOwnChart");
        Label chartNote = note("kfOwnNote");
        vm.ownSeriesProperty().addListener((o, a, s) -> {
            OwnFigure f = vm.figureProperty().get();
            KeyFigureCharts.show(chart, s == null || s.periods().isEmpty() ? null : KeyFigureCharts.runChart(s,
                    f == null || f.unitLabel() == null ? "" : f.unitLabel(), i18n));
            chartNote.setText(s == null ? "" : String.join("\n", vm.explain(s.run())) + (f != null && f.lowerIsBetter()
                    ? " " + i18n.get("kf.own.lowerIsBetter") : ""));
        });
        TextField period = new TextField();
        period.setId("kfOwnPeriod");
        period.setPromptText("2025-10");
        period.textProperty().bindBidirectional(vm.ownPeriodProperty());
        TextField value = new TextField();
        value.setId("kfOwnValue");
        value.textProperty().bindBidirectional(vm.ownValueProperty());
        TextField n = new TextField();
        n.setId("kfOwnN");
        n.textProperty().bindBidirectional(vm.ownNProperty());
        Label message = note("kfOwnMessage");
        message.textProperty().bind(vm.ownMessageProperty());
        HBox entry = new HBox(8, new Label(i18n.get("kf.own.period")), period, new Label(i18n.get("kf.own.value")), value,
                new Label(i18n.get("kf.own.n")), n, button("kfOwnSave", "kf.own.save", vm.saveOwnValueCommand()));
        entry.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, bar, chart, chartNote, new Label(i18n.get("kf.own.entry")), entry, message);
        box.setPadding(new Insets(10));
        return scroll(box);
    }

    private ListCell<OwnFigure> figureCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OwnFigure f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.name() + " (" + f.code() + ")");
            }
        };
    }

    // ---- individual follow-up ------------------------------------------------------------

    private Node followUp() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField ref = new TextField();
        ref.setId("kfCaseRef");
        ref.setPromptText("HT-2025-0142");
        ref.textProperty().bindBidirectional(vm.caseRefProperty());
        DatePicker date = new DatePicker();
        date.setId("kfFollowUpDate");
        date.valueProperty().bindBidirectional(vm.followUpDateProperty());
        ComboBox<KeyFigureViewModel.UnitChoice> unit = new ComboBox<>(vm.units());
        unit.setId("kfFollowUpUnit");
        unit.setPrefWidth(320);
        unit.valueProperty().bindBidirectional(vm.followUpUnitProperty());
        ComboBox<String> insats = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("Hemtjänst",
                "Särskilt boende", "Korttidsvistelse", "Dagverksamhet", "Boendestöd", "LSS-insats"));
        insats.setId("kfInsats");
        insats.setEditable(true);
        insats.valueProperty().bindBidirectional(vm.insatsProperty());
        TextArea remark = new TextArea();
        remark.setId("kfRemark");
        remark.setPrefRowCount(2);
        remark.setWrapText(true);
        remark.textProperty().bindBidirectional(vm.remarkProperty());
        int r = 0;
        form.addRow(r++, new Label(i18n.get("kf.followUp.caseRef")), ref, new Label(i18n.get("kf.followUp.date")), date);
        form.addRow(r++, new Label(i18n.get("kf.unit")), unit, new Label(i18n.get("kf.followUp.insats")), insats);
        form.addRow(r++, new Label(i18n.get("kf.measure.PLAN_EXISTS")), yesNo("kfPlanExists", vm.planExistsProperty()),
                new Label(i18n.get("kf.measure.PLAN_UP_TO_DATE")), yesNo("kfPlanUpToDate", vm.planUpToDateProperty()));
        form.addRow(r++, new Label(i18n.get("kf.measure.MEETS_DECISION")), yesNo("kfMeetsDecision", vm.meetsDecisionProperty()),
                new Label(i18n.get("kf.measure.WISHES_FOLLOWED_UP")), yesNo("kfWishes", vm.wishesProperty()));
        form.add(new Label(i18n.get("kf.followUp.remark")), 0, r);
        form.add(remark, 1, r, 3, 1);
        Label message = note("kfFollowUpMessage");
        message.textProperty().bind(vm.followUpMessageProperty());
        HBox actions = new HBox(8, button("kfFollowUpSave", "kf.followUp.save", vm.saveFollowUpCommand()),
                button("kfImportFollowUps", "kf.importFollowUps", vm.importFollowUpsCommand()));
        Label privacy = note("kfPrivacyNote");
        privacy.setText(i18n.get("kf.followUp.privacy"));

        ComboBox<FollowUpMeasure> measure = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                FollowUpMeasure.values()));
        measure.setId("kfMeasure");
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        measure.setCellFactory(l -> measureCell());
        measure.setButtonCell(measureCell());
        ComboBox<KeyFigureViewModel.UnitChoice> scope = new ComboBox<>(vm.units());
        scope.setId("kfScope");
        scope.setPrefWidth(320);
        scope.setPromptText(i18n.get("kf.wholeOrganisation"));
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        ChartViewer chart = viewer("kfFollowUpChart");
        Label chartNote = note("kfFollowUpNote");
        vm.followUpSeriesProperty().addListener((o, a, s) -> {
            FollowUpMeasure m = vm.measureProperty().get();
            KeyFigureCharts.show(chart, s == null || s.total() == 0 ? null : KeyFigureCharts.pChart(s,
                    i18n.get("kf.chart.pTitle", i18n.get("kf.measure." + m.name())), i18n));
            chartNote.setText(s == null || s.total() == 0 ? i18n.get("kf.followUp.none")
                    : String.join("\n", vm.explain(s.chart())));
        });
        TableView<FollowUpService.TertialRow> tertials = new TableView<>(vm.tertials());
        tertials.setId("kfTertials");
        tertials.setPrefHeight(220);
        tertials.getColumns().add(col("kf.col.unit", t -> t.unit(), 240));
        tertials.getColumns().add(col("kf.col.tertial", t -> "T" + t.tertial(), 70));
        tertials.getColumns().add(col("kf.col.followUps", t -> Integer.toString(t.count().followUps()), 110));
        for (FollowUpMeasure m : FollowUpMeasure.values()) {
            tertials.getColumns().add(col("kf.measure." + m.name(), t -> share(t.count().compared(m)), 190));
        }
        FlowPane chartBar = new FlowPane(8, 6, new Label(i18n.get("kf.followUp.measure")), measure,
                new Label(i18n.get("kf.unit")), scope);
        VBox box = new VBox(10, new Label(i18n.get("kf.followUp.formTitle")), form, actions, message, privacy, chartBar,
                chart, chartNote, new Label(i18n.get("kf.followUp.tertials")), tertials);
        box.setPadding(new Insets(10));
        return scroll(box);
    }

    private String share(ComparedValue v) {
        if (v.value() == null) {
            return "–";
        }
        return Math.round(v.value()) + " % (" + Math.round(v.interval().lower()) + "–" + Math.round(v.interval().upper())
                + "; n = " + v.respondents() + ")";
    }

    private ComboBox<Boolean> yesNo(String id, ObjectProperty<Boolean> p) {
        ComboBox<Boolean> c = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(null, true, false));
        c.setId(id);
        c.valueProperty().bindBidirectional(p);
        c.setCellFactory(l -> yesNoCell());
        c.setButtonCell(yesNoCell());
        return c;
    }

    private ListCell<Boolean> yesNoCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Boolean b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty ? null : i18n.get(b == null ? "kf.notAssessed" : b ? "kf.yes" : "kf.no"));
            }
        };
    }

    private ListCell<FollowUpMeasure> measureCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(FollowUpMeasure m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : i18n.get("kf.measure." + m.name()));
            }
        };
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }
}

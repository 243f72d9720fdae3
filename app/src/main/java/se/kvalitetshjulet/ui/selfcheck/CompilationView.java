package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.selfcheck.AnswerDetail;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.RoundComparison;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.Share;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * Sammanställning: per question (table and a stacked bar chart of the answers), per unit (compliance, sortable,
 * and a bar chart of the units by compliance), per verksamhetsområde, the comparison with an earlier round, the
 * drill-down (double-click or Enter on a unit or a question) and Bilaga 2 with the coordinator's edits.
 */
final class CompilationView extends BorderPane {
    private static final int LABEL_LENGTH = 42;
    /** Ja, delvis, nej, ej aktuellt: the order of the stacked bars (and of the colours in theme.css). */
    private static final List<String> CHART_ORDER = List.of("JA", "DELVIS", "NEJ", "EJ_AKTUELLT");

    private final SelfCheckViewModel owner;
    private final CompilationViewModel vm;
    private final I18n i18n;
    private final TabPane inner = new TabPane();
    private Tab drillTab;

    CompilationView(SelfCheckViewModel owner, I18n i18n) {
        this.owner = owner;
        this.vm = owner.compilationDetails();
        this.i18n = i18n;
        setId("compilationView");
        ComboBox<RoundRow> round = new ComboBox<>(owner.rounds());
        round.setId("compileRound");
        Forms.display(round, r -> r.round().name());
        round.valueProperty().bindBidirectional(owner.compileRoundProperty());
        Button export = new Button(i18n.get("selfcheck.compile.export"));
        export.setId("compileExport");
        owner.exportCompilationCommand().bind(export);
        Label summary = new Label();
        summary.setId("compileSummary");
        round.setPrefWidth(330);
        Label roundLabel = new Label(i18n.get("selfcheck.compile.round"));
        roundLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        roundLabel.setLabelFor(round);
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, roundLabel, round, export, summary);
        bar.setAlignment(Pos.CENTER_LEFT);

        drillTab = tab("compileTabDrill", "selfcheck.compile.drill", drill());
        inner.getTabs().addAll(
                tab("compileTabQuestions", "selfcheck.compile.perQuestion", questions()),
                tab("compileTabUnits", "selfcheck.compile.perUnit", units()),
                tab("compileTabAreas", "selfcheck.compile.perArea", areas()),
                tab("compileTabCompare", "selfcheck.compile.compare", comparison()),
                drillTab,
                tab("compileTabBilaga", "selfcheck.compile.bilaga", bilaga()));
        inner.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        inner.setId("compileTabs");
        owner.compilationProperty().addListener((o, a, c) -> summary.setText(c == null ? ""
                : i18n.get("selfcheck.compile.summary", c.responseRate().part(), c.responseRate().whole())
                + "  ·  " + i18n.get("selfcheck.compile.complianceTotal", vm.percent(c.compliance()))));
        setCenter(inner);
        setTop(bar);
        BorderPane.setMargin(bar, new Insets(0, 0, 8, 0));
    }

    // ---- per question ----------------------------------------------------------------------

    private Node questions() {
        TableView<Compilation.QuestionStats> table = new TableView<>();
        table.setId("compileQuestions");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("selfcheck.compile.col.section", Compilation.QuestionStats::section, 70));
        table.getColumns().add(col("selfcheck.compile.col.question", Compilation.QuestionStats::text, 200));
        table.getColumns().add(col("selfcheck.compile.col.answered", s -> Long.toString(s.answered()), 80));
        for (String v : AnswerType.YES_NO_VALUES) {
            table.getColumns().add(col("selfcheck.yesno." + v, s -> s.type() == AnswerType.YES_NO
                    ? Long.toString(s.count(v)) : "", v.equals("EJ_AKTUELLT") ? 85 : 55));
        }
        table.getColumns().add(col("selfcheck.compile.col.mean", s -> vm.number(s.mean()), 90));
        table.getColumns().add(col("selfcheck.compile.col.findings", s -> Long.toString(s.findings()), 60));
        table.setPlaceholder(new Label(i18n.get("selfcheck.compile.drill.hint")));
        drillOn(table, q -> vm.drillQuestion(q));

        NumberAxis countAxis = new NumberAxis();
        countAxis.setLabel(i18n.get("selfcheck.compile.chart.units"));
        countAxis.setMinorTickVisible(false);
        CategoryAxis questionAxis = fixedCategories();
        StackedBarChart<Number, String> chart = new StackedBarChart<>(countAxis, questionAxis);
        chart.setId("compileQuestionChart");
        chart.getStyleClass().add("answer-chart");
        chart.setTitle(i18n.get("selfcheck.compile.chart.answers"));
        chart.setAnimated(false);
        chart.setCategoryGap(6);
        chart.setLegendVisible(true);

        NumberAxis meanAxis = new NumberAxis();
        meanAxis.setLabel(i18n.get("selfcheck.compile.col.mean"));
        CategoryAxis numberAxis = fixedCategories();
        BarChart<Number, String> means = new BarChart<>(meanAxis, numberAxis);
        means.setId("compileMeanChart");
        means.setTitle(i18n.get("selfcheck.compile.chart.means"));
        means.setAnimated(false);
        means.setLegendVisible(false);
        means.setPrefHeight(180);
        means.setMinHeight(140);

        owner.compilationProperty().addListener((o, a, c) -> {
            table.getItems().setAll(c == null ? List.of() : c.questions());
            fillQuestionCharts(c, chart, questionAxis, means, numberAxis);
        });
        VBox charts = new VBox(4, chart, means);
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, charts);
        split.setDividerPositions(0.62);
        return split;
    }

    private void fillQuestionCharts(Compilation c, StackedBarChart<Number, String> chart, CategoryAxis axis,
                                    BarChart<Number, String> means, CategoryAxis meanAxis) {
        chart.getData().clear();
        means.getData().clear();
        if (c == null) {
            return;
        }
        List<String> categories = new ArrayList<>();
        Map<String, XYChart.Series<Number, String>> series = new LinkedHashMap<>();
        for (String v : CHART_ORDER) {
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            s.setName(i18n.get("selfcheck.yesno." + v));
            series.put(v, s);
        }
        XYChart.Series<Number, String> meanSeries = new XYChart.Series<>();
        List<String> meanCategories = new ArrayList<>();
        int n = 0;
        Set<String> used = new HashSet<>();
        for (Compilation.QuestionStats q : c.questions()) {
            n++;
            String label = n + ". " + shorten(q.text());
            if (SelfCheckService.counted(q.type())) {
                categories.add(label);
                Set<String> values = new LinkedHashSet<>(q.type() == AnswerType.YES_NO ? CHART_ORDER
                        : q.counts().keySet());
                for (String v : values) {
                    XYChart.Series<Number, String> s = series.computeIfAbsent(v, k -> {
                        XYChart.Series<Number, String> added = new XYChart.Series<>();
                        added.setName(k);
                        return added;
                    });
                    s.getData().add(new XYChart.Data<>(q.count(v), label));
                    used.add(v);
                }
            } else if (q.mean() != null) {
                meanCategories.add(label);
                meanSeries.getData().add(new XYChart.Data<>(q.mean(), label));
            }
        }
        // The first question at the top: a vertical category axis draws its first category at the bottom.
        axis.getCategories().setAll(categories.reversed());
        // The four ja/nej series always come first so that their colours stay the same.
        chart.getData().setAll(series.entrySet().stream()
                .filter(e -> CHART_ORDER.contains(e.getKey()) || used.contains(e.getKey()))
                .map(Map.Entry::getValue).toList());
        meanAxis.getCategories().setAll(meanCategories.reversed());
        if (!meanSeries.getData().isEmpty()) {
            means.getData().add(meanSeries);
        }
        means.setVisible(!meanSeries.getData().isEmpty());
        means.setManaged(!meanSeries.getData().isEmpty());
    }

    /** A category axis that keeps the order given (auto-ranging would order by the data, bottom up). */
    private static CategoryAxis fixedCategories() {
        CategoryAxis axis = new CategoryAxis();
        axis.setAutoRanging(false);
        return axis;
    }

    private static String shorten(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }

    // ---- per unit --------------------------------------------------------------------------

    private Node units() {
        TableView<Compilation.UnitResult> table = new TableView<>();
        table.setId("compileUnits");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("selfcheck.compile.col.area", Compilation.UnitResult::area, 140));
        table.getColumns().add(col("selfcheck.compile.col.unitName", Compilation.UnitResult::unitName, 180));
        table.getColumns().add(col("selfcheck.round.col.status", u -> i18n.of(u.status()), 100));
        table.getColumns().add(col("selfcheck.compile.col.answered", u -> Long.toString(u.answered()), 75));
        table.getColumns().add(col("selfcheck.compile.col.findings", u -> Long.toString(u.findings()), 60));
        table.getColumns().add(shareCol("compileColCompliance", "selfcheck.compile.col.compliance",
                Compilation.UnitResult::compliance, 95));
        table.getColumns().add(col("selfcheck.compile.col.result", u -> i18n.of(u.result()), 200));
        drillOn(table, vm::drillUnit);

        NumberAxis percent = new NumberAxis(0, 100, 10);
        percent.setLabel(i18n.get("selfcheck.compile.col.compliance"));
        CategoryAxis unitAxis = fixedCategories();
        BarChart<Number, String> chart = new BarChart<>(percent, unitAxis);
        chart.setId("compileUnitChart");
        chart.getStyleClass().add("compliance-chart");
        chart.setTitle(i18n.get("selfcheck.compile.chart.compliance"));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(4);

        owner.compilationProperty().addListener((o, a, c) -> {
            table.getItems().setAll(c == null ? List.of() : c.units());
            chart.getData().clear();
            if (c == null) {
                return;
            }
            XYChart.Series<Number, String> s = new XYChart.Series<>();
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Compilation.UnitResult u : CompilationViewModel.byCompliance(c)) {
                String name = seen.add(u.unitName()) ? u.unitName() : u.unitName() + " (" + u.area() + ")";
                names.add(name);
                s.getData().add(new XYChart.Data<>(u.compliance().percent(), name));
            }
            unitAxis.getCategories().setAll(names.reversed());
            chart.getData().add(s);
        });
        SplitPane split = new SplitPane(table, chart);
        split.setDividerPositions(0.64);
        return split;
    }

    // ---- per area ------------------------------------------------------------------------

    private Node areas() {
        TableView<Compilation.AreaSummary> areas = new TableView<>();
        areas.setId("compileAreas");
        areas.getColumns().add(col("selfcheck.compile.col.area", Compilation.AreaSummary::area, 220));
        areas.getColumns().add(col("selfcheck.compile.col.units", a -> Long.toString(a.units()), 90));
        areas.getColumns().add(col("selfcheck.compile.col.submitted", a -> Long.toString(a.submitted()), 90));
        areas.getColumns().add(col("selfcheck.compile.col.findings", a -> Long.toString(a.findings()), 90));
        areas.getColumns().add(col("selfcheck.compile.col.unitsWithFindings", a -> Long.toString(a.unitsWithFindings()), 150));
        owner.compilationProperty().addListener((o, a, c) -> areas.getItems().setAll(c == null ? List.of() : c.areas()));
        return areas;
    }

    // ---- comparison ----------------------------------------------------------------------

    private Node comparison() {
        ComboBox<Round> with = new ComboBox<>(vm.compareChoices());
        with.setId("compileCompareWith");
        Forms.display(with, Round::name);
        with.valueProperty().bindBidirectional(vm.compareWithProperty());
        Label withLabel = new Label(i18n.get("selfcheck.compile.compare.with"));
        withLabel.setLabelFor(with);
        Label summary = new Label();
        summary.setId("compileCompareSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.comparisonSummaryProperty());
        HBox top = new HBox(10, withLabel, with);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<RoundComparison.QuestionChange> questions = new TableView<>();
        questions.setId("compileCompareQuestions");
        questions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        questions.getColumns().add(col("selfcheck.compile.col.question", RoundComparison.QuestionChange::text, 330));
        questions.getColumns().add(col("selfcheck.compile.compare.col.presence", q -> vm.presence(q.presence()), 110));
        questions.getColumns().add(shareCol(null, "selfcheck.compile.compare.col.findingsThen",
                RoundComparison.QuestionChange::findingsThen, 120));
        questions.getColumns().add(shareCol(null, "selfcheck.compile.compare.col.findingsNow",
                RoundComparison.QuestionChange::findingsNow, 120));
        questions.getColumns().add(pointsCol("selfcheck.compile.compare.col.change",
                RoundComparison.QuestionChange::changePoints, 110));
        questions.getColumns().add(right(col("selfcheck.compile.compare.col.meanThen", q -> vm.number(q.meanThen()), 100)));
        questions.getColumns().add(right(col("selfcheck.compile.compare.col.meanNow", q -> vm.number(q.meanNow()), 100)));

        TableView<RoundComparison.UnitChange> units = new TableView<>();
        units.setId("compileCompareUnits");
        units.getColumns().add(col("selfcheck.compile.col.unitName", RoundComparison.UnitChange::unitName, 220));
        units.getColumns().add(col("selfcheck.compile.col.area", RoundComparison.UnitChange::area, 160));
        units.getColumns().add(shareCol(null, "selfcheck.compile.compare.col.complianceThen",
                RoundComparison.UnitChange::complianceThen, 140));
        units.getColumns().add(shareCol(null, "selfcheck.compile.compare.col.complianceNow",
                RoundComparison.UnitChange::complianceNow, 140));
        units.getColumns().add(pointsCol("selfcheck.compile.compare.col.change", RoundComparison.UnitChange::changePoints, 110));

        vm.comparisonProperty().addListener((o, a, c) -> {
            questions.getItems().setAll(c == null ? List.of() : c.questions());
            units.getItems().setAll(c == null ? List.of() : c.units());
        });
        SplitPane split = new SplitPane(questions, units);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox box = new VBox(8, top, summary, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    // ---- drill-down ------------------------------------------------------------------------

    private Node drill() {
        Label title = new Label();
        title.setId("compileDrillTitle");
        title.getStyleClass().add("h2");
        title.setWrapText(true);
        title.textProperty().bind(vm.drillTitleProperty());
        TableView<AnswerDetail> table = new TableView<>(vm.drillRows());
        table.setId("compileDrill");
        table.setPlaceholder(new Label(i18n.get("selfcheck.compile.drill.hint")));
        TableColumn<AnswerDetail, String> unit = col("selfcheck.compile.col.unitName", AnswerDetail::unitName, 180);
        TableColumn<AnswerDetail, String> status = col("selfcheck.round.col.status", d -> i18n.of(d.status()), 100);
        TableColumn<AnswerDetail, String> section = col("selfcheck.compile.col.section", AnswerDetail::section, 120);
        TableColumn<AnswerDetail, String> question = col("selfcheck.compile.col.question", AnswerDetail::question, 280);
        TableColumn<AnswerDetail, String> answer = col("selfcheck.compile.drill.col.answer",
                d -> vm.answerText(d.type(), d.value()), 150);
        TableColumn<AnswerDetail, String> comment = col("selfcheck.compile.drill.col.comment",
                d -> d.comment() == null ? "" : d.comment(), 220);
        TableColumn<AnswerDetail, String> finding = col("selfcheck.compile.drill.col.finding",
                d -> d.finding() ? i18n.get("selfcheck.compile.drill.finding") : "", 70);
        TableColumn<AnswerDetail, String> actions = col("selfcheck.compile.col.actions",
                d -> String.join("; ", d.actions()), 260);
        table.getColumns().addAll(List.of(unit, status, section, question, answer, comment, finding, actions));
        unit.visibleProperty().bind(vm.drillKindProperty().isEqualTo(CompilationViewModel.DrillKind.QUESTION));
        status.visibleProperty().bind(unit.visibleProperty());
        section.visibleProperty().bind(vm.drillKindProperty().isNotEqualTo(CompilationViewModel.DrillKind.QUESTION));
        question.visibleProperty().bind(section.visibleProperty());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AnswerDetail item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("finding"), !empty && item != null
                        && item.finding());
            }
        });
        VBox box = new VBox(8, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** Double-click or Enter on a row opens the drill-down tab for it. */
    private <T> void drillOn(TableView<T> table, Consumer<T> open) {
        Consumer<T> go = item -> {
            if (item != null) {
                open.accept(item);
                inner.getSelectionModel().select(drillTab);
            }
        };
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                go.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                go.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    // ---- Bilaga 2 --------------------------------------------------------------------------

    private Node bilaga() {
        TableView<Compilation.UnitResult> table = new TableView<>(vm.bilagaUnits());
        table.setId("compileBilaga");
        table.getColumns().add(col("selfcheck.compile.col.check", u -> owner.compilationProperty().get() == null ? ""
                : owner.compilationProperty().get().template().name(), 200));
        table.getColumns().add(col("selfcheck.compile.col.unit", Compilation.UnitResult::unitName, 170));
        table.getColumns().add(col("selfcheck.compile.col.result", u -> u.result().phrase()
                + (u.resultEdited() ? " " + i18n.get("selfcheck.compile.bilaga.edited") : ""), 230));
        table.getColumns().add(col("selfcheck.compile.col.actions", u -> String.join("; ", u.actions()), 300));
        table.getColumns().add(col("selfcheck.compile.col.routines", u -> u.routines()
                + (u.routinesEdited() ? " " + i18n.get("selfcheck.compile.bilaga.edited") : ""), 230));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> vm.bilagaUnitProperty().set(u));
        vm.bilagaUnitProperty().addListener((o, a, u) -> {
            if (u != table.getSelectionModel().getSelectedItem()) {
                if (u == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(u);
                }
            }
        });

        ComboBox<ResultLevel> result = new ComboBox<>();
        result.setId("compileBilagaResult");
        result.getItems().setAll(ResultLevel.values());
        Forms.display(result, ResultLevel::phrase);
        result.valueProperty().bindBidirectional(vm.bilagaResultProperty());
        Label derived = new Label();
        derived.setId("compileBilagaDerived");
        derived.textProperty().bind(vm.bilagaDerivedResultProperty());
        Button useDerived = new Button(i18n.get("selfcheck.compile.bilaga.useDerived"));
        useDerived.setId("compileBilagaUseDerived");
        vm.useDerivedResultCommand().bind(useDerived);
        HBox resultRow = new HBox(10, result, derived, useDerived);
        resultRow.setAlignment(Pos.CENTER_LEFT);

        TextArea routines = new TextArea();
        routines.setId("compileBilagaRoutines");
        routines.setPrefRowCount(2);
        routines.setWrapText(true);
        routines.textProperty().bindBidirectional(vm.bilagaRoutinesProperty());
        Label derivedRoutines = new Label();
        derivedRoutines.setId("compileBilagaDerivedRoutines");
        derivedRoutines.setWrapText(true);
        derivedRoutines.textProperty().bind(vm.bilagaDerivedRoutinesProperty());
        Button useDerivedRoutines = new Button(i18n.get("selfcheck.compile.bilaga.useDerived"));
        useDerivedRoutines.setId("compileBilagaUseDerivedRoutines");
        vm.useDerivedRoutinesCommand().bind(useDerivedRoutines);
        HBox routinesHint = new HBox(10, derivedRoutines, useDerivedRoutines);
        routinesHint.setAlignment(Pos.CENTER_LEFT);

        Button save = new Button(i18n.get("selfcheck.compile.bilaga.save"));
        save.setId("compileBilagaSave");
        save.setDefaultButton(false);
        vm.saveBilagaCommand().bind(save);
        Label problems = new Label();
        problems.setId("compileBilagaProblems");
        problems.getStyleClass().add("error");
        problems.textProperty().bind(vm.bilagaProblemsProperty());
        HBox actions = new HBox(10, save, problems);
        actions.setAlignment(Pos.CENTER_LEFT);

        GridPane form = Forms.grid();
        Forms.row(form, i18n.get("selfcheck.compile.col.result"), resultRow);
        Forms.row(form, i18n.get("selfcheck.compile.col.routines"), routines);
        form.add(routinesHint, 1, form.getRowCount());
        form.add(actions, 1, form.getRowCount());
        Label hint = new Label(i18n.get("selfcheck.compile.bilaga.hint"));
        hint.setWrapText(true);
        VBox editor = new VBox(6, hint, form);
        editor.setPadding(new Insets(8, 0, 0, 0));
        editor.disableProperty().bind(vm.bilagaUnitProperty().isNull());

        SplitPane split = new SplitPane(table, editor);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        return split;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(id);
        return t;
    }

    private <T> TableColumn<T, String> col(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, String> right(TableColumn<T, String> c) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** A share shown as a percentage and sorted by it (no percentage sorts first). */
    private <T> TableColumn<T, Double> shareCol(String id, String key, Function<T, Share> value, double width) {
        TableColumn<T, Double> c = new TableColumn<>(i18n.get(key));
        if (id != null) {
            c.setId(id);
        }
        c.setCellValueFactory(d -> {
            Share s = value.apply(d.getValue());
            return new ReadOnlyObjectWrapper<>(s == null ? null : s.percent());
        });
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : vm.percent(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        return c;
    }

    private <T> TableColumn<T, Double> pointsCol(String key, Function<T, Double> value, double width) {
        TableColumn<T, Double> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : vm.points(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        return c;
    }
}

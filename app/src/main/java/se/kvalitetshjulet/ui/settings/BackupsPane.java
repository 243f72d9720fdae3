package se.kvalitetshjulet.ui.settings;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * The "Säkerhetskopior" section of Inställningar: where the backups are, the list (date, size, kind), "Ta
 * säkerhetskopia nu", "Återställ …", "Öppna mappen", and how many are kept.
 */
public final class BackupsPane extends VBox implements Refreshable {
    private final BackupsViewModel vm;

    public BackupsPane(BackupsViewModel vm, I18n i18n) {
        super(8);
        this.vm = vm;
        setId("backupsPane");
        Label where = new Label();
        where.setId("backupWhere");
        where.setWrapText(true);
        where.textProperty().bind(vm.whereProperty());

        TableView<BackupFile> table = new TableView<>(vm.backups());
        table.setId("backupTable");
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("h5.backup.none")));
        TableColumn<BackupFile, String> taken = new TableColumn<>(i18n.get("h5.backup.col.taken"));
        taken.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.taken(c.getValue())));
        taken.setPrefWidth(150);
        TableColumn<BackupFile, String> size = new TableColumn<>(i18n.get("h5.backup.col.size"));
        size.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.size(c.getValue())));
        size.setPrefWidth(90);
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<BackupFile, String> kind = new TableColumn<>(i18n.get("h5.backup.col.kind"));
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.kind(c.getValue())));
        kind.setPrefWidth(160);
        TableColumn<BackupFile, String> name = new TableColumn<>(i18n.get("h5.backup.col.file"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        table.getColumns().setAll(java.util.List.of(taken, size, kind, name));
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        Button create = new Button(i18n.get("h5.backup.create"));
        create.setId("backupCreate");
        vm.createCommand().bind(create);
        Button restore = new Button(i18n.get("h5.backup.restore"));
        restore.setId("backupRestore");
        vm.restoreCommand().bind(restore);
        Button folder = new Button(i18n.get("h5.backup.openFolder"));
        folder.setId("backupOpenFolder");
        vm.openFolderCommand().bind(folder);
        Label notice = EditorParts.notice("backupNotice", vm.noticeProperty());
        HBox buttons = new HBox(8, create, restore, folder, notice);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextField daily = number("backupKeepDaily", vm.dailyProperty());
        TextField weekly = number("backupKeepWeekly", vm.weeklyProperty());
        TextField other = number("backupKeepOther", vm.otherProperty());
        Button savePolicy = new Button(i18n.get("h5.backup.savePolicy"));
        savePolicy.setId("backupSavePolicy");
        vm.savePolicyCommand().bind(savePolicy);
        GridPane keep = Forms.grid();
        Forms.row(keep, i18n.get("h5.backup.keep.daily"), daily);
        Forms.row(keep, i18n.get("h5.backup.keep.weekly"), weekly);
        Forms.row(keep, i18n.get("h5.backup.keep.other"), other);
        Forms.row(keep, "", savePolicy);
        Label keepHelp = new Label(i18n.get("h5.backup.keep.help"));
        keepHelp.getStyleClass().add("hint");
        keepHelp.setWrapText(true);

        getChildren().addAll(where, table, buttons, EditorParts.problems("backupProblems", vm.problemsProperty()),
                keepHelp, keep);
        vm.load();
    }

    @Override
    public void refresh() {
        vm.load();
    }

    private static TextField number(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(4);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}

package se.kvalitetshjulet.ui.selfcheck;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's file and folder choosers, owned by this view's window, starting in the home folder. */
final class PlatformFileChoosers implements SelfCheckView.FileChoosers {
    private final java.util.function.Supplier<Window> window;

    PlatformFileChoosers(java.util.function.Supplier<Window> window) {
        this.window = window;
    }

    private FileChooser chooser(String title, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("*" + extension, "*" + extension));
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            fc.setInitialDirectory(home);
        }
        return fc;
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, String extension) {
        FileChooser fc = chooser(title, extension);
        fc.setInitialFileName(suggestedName);
        return Optional.ofNullable(fc.showSaveDialog(window.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> openFile(String title, String extension) {
        return Optional.ofNullable(chooser(title, extension).showOpenDialog(window.get())).map(File::toPath);
    }

    @Override
    public List<Path> openFiles(String title, String extension) {
        List<File> chosen = chooser(title, extension).showOpenMultipleDialog(window.get());
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        return Optional.ofNullable(dc.showDialog(window.get())).map(File::toPath);
    }
}

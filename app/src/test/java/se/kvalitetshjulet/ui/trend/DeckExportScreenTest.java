package se.kvalitetshjulet.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.trend.ChartDeck;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.FxTaskRunner;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * "Exportera mötesbilder …" on the chart screen: the chosen deck is written, off the FX thread, as PowerPoint or as a
 * PDF handout by the chosen file's ending, and the screen says where.
 */
@ExtendWith(ApplicationExtension.class)
class DeckExportScreenTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        ctx = SharedDemo.get();
        I18n i18n = new I18n(Locale.of("sv"));
        TrendView view = new TrendView(new TrendViewModel(se.kvalitetshjulet.ui.shell.FeatureContexts.trend(ctx), new FxTaskRunner(), dialogs, i18n), i18n);
        stage.setScene(new Scene(view, 1366, 768));
        stage.show();
        view.refresh();
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDefaultDeckIsSavedAsPowerPointAndAsAHandout(FxRobot robot) throws Exception {
        List<String> titles = ctx.savedFilters().inOrder(ChartDeck.DEFAULT_SCREEN).stream().map(s -> s.name())
                .toList();
        assertThat(titles).isNotEmpty();
        Button export = robot.lookup("#trendExportDeck").queryAs(Button.class);
        waitUntil(() -> !export.isDisabled());

        Path pptx = dir.resolve("mötesbilder.pptx");
        dialogs.fileAnswer = Optional.of(pptx);
        robot.interact(export::fire);
        waitUntil(() -> dialogs.infos.size() == 1 || !dialogs.unexpected.isEmpty() || !dialogs.errors.isEmpty());
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos.getFirst()).contains(pptx.toString());
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertThat(ppt.getSlides()).hasSize(titles.size() + 1);
            for (int i = 0; i < titles.size(); i++) {
                StringBuilder text = new StringBuilder();
                for (XSLFShape s : ppt.getSlides().get(i + 1).getShapes()) {
                    if (s instanceof XSLFTextShape t) {
                        text.append(t.getText()).append('\n');
                    }
                }
                assertThat(text.toString()).contains(titles.get(i));
            }
        }

        Path pdf = dir.resolve("mötesbilder.pdf");
        dialogs.fileAnswer = Optional.of(pdf);
        robot.interact(export::fire);
        waitUntil(() -> dialogs.infos.size() == 2 || !dialogs.unexpected.isEmpty());
        assertThat(dialogs.unexpected).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String t : titles) {
                assertThat(text).contains(t);
            }
        }
    }
}

package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.RecordingDialogService;

/** The shared save flow and privacy warning of the editors' view models. */
class SaveFlowTest {
    private final I18n i18n = new I18n(Locale.of("sv"));
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SimpleStringProperty problems = new SimpleStringProperty("old problem");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final List<String> saved = new ArrayList<>();

    private SaveFlow flow(java.util.function.Function<List<Problem>, String> format) {
        return new SaveFlow(new SyncTaskRunner(), dialogs, problems, busy, format);
    }

    @Test
    void aRejectedSaveShowsTheProblemsAndHandsNothingOn() {
        Problem title = new Problem("title", "deviation.validation.titleRequired");
        flow(SaveFlow.oneALine(i18n)).save("saving", p -> {
            assertThat(busy.get()).isTrue();
            return SaveResult.<String>rejected(List.of(title, title));
        }, saved::add);
        assertThat(saved).isEmpty();
        assertThat(busy.get()).isFalse();
        assertThat(problems.get()).isEqualTo(i18n.problem(title) + "\n" + i18n.problem(title));

        flow(SaveFlow.distinctLines(i18n)).save("saving", p -> SaveResult.<String>rejected(List.of(title, title)),
                saved::add, text -> "Blocked:\n" + text);
        assertThat(problems.get()).isEqualTo("Blocked:\n" + i18n.problem(title));
    }

    @Test
    void aSuccessfulSaveClearsTheProblemsAndHandsTheValueOn() {
        flow(SaveFlow.oneALine(i18n)).save("saving", p -> SaveResult.saved(41).map(n -> "value " + (n + 1)), saved::add);
        assertThat(saved).containsExactly("value 42");
        assertThat(problems.get()).isEmpty();
        assertThat(busy.get()).isFalse();
    }

    @Test
    void anUnexpectedFailureClearsBusyAndIsReported() {
        flow(SaveFlow.oneALine(i18n)).<String>save("saving", p -> {
            throw new IllegalStateException("disk full");
        }, saved::add);
        assertThat(busy.get()).isFalse();
        assertThat(saved).isEmpty();
        assertThat(dialogs.unexpected).extracting(Throwable::getMessage).containsExactly("disk full");
        assertThat(problems.get()).isEqualTo("old problem");
    }

    @Test
    void thePrivacyWarningNamesIdentityNumbersAndNamesOnSeparateLines() {
        List<PrivacyCheck.Finding> findings = PrivacyCheck.check("Anna Svensson 19121212-1212 ringde, Anna Svensson igen.");
        String warn = PrivacyWarnings.text(i18n, findings, false);
        assertThat(warn.lines()).hasSize(2);
        assertThat(warn.lines().toList().getFirst()).startsWith("Varning").contains("19121212-1212");
        assertThat(warn.lines().toList().get(1)).contains("Anna");
        assertThat(PrivacyWarnings.text(i18n, findings, true)).contains("Det går inte att spara");
        assertThat(PrivacyWarnings.text(i18n, PrivacyCheck.check("Larmet flyttades."), true)).isEmpty();
    }
}

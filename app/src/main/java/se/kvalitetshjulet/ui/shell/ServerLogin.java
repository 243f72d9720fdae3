package se.kvalitetshjulet.ui.shell;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Logging in to a förvaltning's server from the window (issue 15, decision 0030): first with the password psql would
 * use (PGPASSWORD, the password file); when the server asks for one and there is none, or refuses it, the window asks
 * ("Lösenord för anna@kvh.example.se") in a masked field, says clearly when the last one was wrong, and asks again
 * until the login succeeds or the user cancels. The password lives only in this session's connections: never stored,
 * never written to the log (the log names the login and the reason only).
 */
public final class ServerLogin {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLogin.class);

    /** Opens {@code url} with {@code password} (null: PGPASSWORD or the password file), off the UI thread. */
    @FunctionalInterface
    public interface Opener {
        AppContext open(String url, String password) throws Exception;
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Opener opener;

    public ServerLogin(TaskRunner tasks, DialogService dialogs, I18n i18n, Opener opener) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.opener = opener;
    }

    /**
     * Logs in to {@code url}: {@code opened} gets the open database; {@code failed} a refusal that is not about the
     * password (its message says why in Swedish) or an unexpected error; {@code cancelled} runs when the user closed
     * the password question.
     */
    public void login(String url, Consumer<AppContext> opened, Consumer<Throwable> failed, Runnable cancelled) {
        attempt(url, null, opened, failed, cancelled);
    }

    private void attempt(String url, String password, Consumer<AppContext> opened, Consumer<Throwable> failed,
                         Runnable cancelled) {
        tasks.run(i18n.get("start.opening", url), p -> opener.open(url, password), opened, error -> {
            if (!(error instanceof DatabaseOpening.Refused r) || (r.kind() != DatabaseOpening.RefusalKind.PASSWORD_MISSING
                    && r.kind() != DatabaseOpening.RefusalKind.PASSWORD_WRONG)) {
                failed.accept(error);
                return;
            }
            String who = DatabaseOpening.loginName(url);
            String problem = r.kind() == DatabaseOpening.RefusalKind.PASSWORD_MISSING ? null
                    : password == null ? i18n.get("h5.password.storedWrong", who) : i18n.get("h5.password.wrong", who);
            LOG.info("Asking for the server password ({})", r.kind());
            dialogs.askPassword(i18n.get("h5.password.title"), i18n.get("h5.password.header", who), problem)
                    .filter(pw -> !pw.isEmpty())
                    .ifPresentOrElse(pw -> attempt(url, pw, opened, failed, cancelled), cancelled);
        });
    }
}

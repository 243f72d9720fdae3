package se.kvalitetshjulet.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.data.FilePermissions;
import se.kvalitetshjulet.domain.change.ChangeTopic;
import se.kvalitetshjulet.domain.selfcheck.Answer;

/**
 * A self-check draft is never lost when the server connection drops (issue 15, decision 0030): a draft the server
 * cannot take is kept in the user's own data folder (a folder of this server and login, readable by the owner only,
 * beside the local databases; never a shared or temporary folder), one file per self-check, the newest answers
 * replacing the older. It is sent as soon as the server answers again: when the change feed is connected again
 * (which retries with a backoff of 1 s doubling to 30 s), on the next start, and before the next save. A file is
 * deleted the moment the server has the draft. A self-check submitted or locked meanwhile keeps its file (renamed
 * {@code .ej-skickat}) instead of being overwritten, and the log says how many.
 *
 * <p>For a local database file there is no connection to lose: drafts go straight to it.
 */
public final class OfflineDraftService {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineDraftService.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String SUFFIX = ".kvh-utkast";

    private final SelfCheckService selfChecks;
    private final ChangeService changes;
    private final Path folder;
    private ChangeService.Watching watching;

    /** {@code folder} null: a local file, no offline keeping. */
    public OfflineDraftService(SelfCheckService selfChecks, ChangeService changes, Path folder) {
        this.selfChecks = selfChecks;
        this.changes = changes;
        this.folder = folder;
    }

    /** What became of a draft: saved on the server (or the file), or kept locally until the server answers. */
    public record Saved(int changed, boolean keptLocally, Long version) {
        public Saved(int changed, boolean keptLocally) {
            this(changed, keptLocally, null);
        }
    }

    /** One kept draft, as stored in its file, with the version it was based on (decision 0029; null: unchecked). */
    record Kept(long responseId, LocalDateTime savedAt, List<Answer> answers, Long version) { }

    /** Saves the draft; when the server cannot be reached, keeps it locally and sends it later. */
    public Saved saveDraft(long responseId, Collection<Answer> answers) {
        return saveDraft(responseId, answers, null);
    }

    /**
     * As {@link #saveDraft(long, Collection)} on the version the form read (decision 0029): a draft someone else
     * changed meanwhile is refused with {@link SelfCheckService.DraftConflictException}, also when a kept draft is
     * sent later (its file is then kept as not sent, never overwriting the other's answers).
     */
    public Saved saveDraft(long responseId, Collection<Answer> answers, Long version) {
        if (folder == null) {
            var s = selfChecks.saveDraft(responseId, answers, version);
            return new Saved(s.changed(), false, s.version());
        }
        // this form's newer answers supersede its own kept draft: sending that first (on the same version) would make
        // this save look like someone else's change (decision 0029)
        delete(file(responseId));
        sendKept();
        try {
            var s = selfChecks.saveDraft(responseId, answers, version);
            delete(file(responseId)); // an older kept one is superseded by what the server now has
            return new Saved(s.changed(), false, s.version());
        } catch (RuntimeException e) {
            if (!connectionLost(e)) {
                throw e;
            }
            keep(new Kept(responseId, LocalDateTime.now(), List.copyOf(answers), version));
            LOG.info("The server did not answer: a self-check draft is kept locally until it does");
            watchForTheServer();
            return new Saved(0, true);
        }
    }

    /** How many drafts wait to be sent. */
    public int waiting() {
        return kept().size();
    }

    /**
     * After opening: sends what an earlier session kept, and if the server does not take it all now, sends the rest
     * when it answers again. Nothing happens (no thread, no connection) when nothing waits.
     */
    public void resumeIfWaiting() {
        if (folder != null && waiting() > 0) {
            sendKept();
            if (waiting() > 0) {
                watchForTheServer();
            }
        }
    }

    /**
     * Sends every kept draft the server will take; stops at the first connection failure (the rest wait). Returns
     * how many were sent.
     */
    public synchronized int sendKept() {
        if (folder == null) {
            return 0;
        }
        int sent = 0;
        int refused = 0;
        for (Path f : kept()) {
            Kept k;
            try {
                k = JSON.readValue(f.toFile(), Kept.class);
            } catch (IOException e) {
                LOG.warn("A kept self-check draft could not be read ({}); left where it is", e.getClass().getSimpleName());
                continue;
            }
            try {
                selfChecks.saveDraft(k.responseId(), k.answers(), k.version());
                delete(f);
                sent++;
            } catch (RuntimeException e) {
                if (connectionLost(e)) {
                    break;
                }
                // submitted, locked or gone meanwhile: never overwrite, keep the answers for the person
                move(f, f.resolveSibling(f.getFileName() + ".ej-skickat"));
                refused++;
            }
        }
        if (sent > 0 || refused > 0) {
            LOG.info("Kept self-check drafts: {} sent, {} not taken by the server", sent, refused);
        }
        return sent;
    }

    private synchronized void watchForTheServer() {
        if (watching == null && changes != null) {
            // the change feed says when the connection is back (it retries with a backoff); any change will do
            watching = changes.watch(EnumSet.allOf(ChangeTopic.class), topics -> {
                if (waiting() > 0) {
                    sendKept();
                }
            });
        }
    }

    /** True when {@code e} says the server could not be reached or dropped the connection. */
    public static boolean connectionLost(Throwable e) {
        return se.kvalitetshjulet.data.ConnectionFailures.lost(e);
    }

    private Path file(long responseId) {
        return folder.resolve(responseId + SUFFIX);
    }

    private List<Path> kept() {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(folder)) {
            return new ArrayList<>(all.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private synchronized void keep(Kept k) {
        try {
            FilePermissions.privateDirectory(folder);
            Path tmp = folder.resolve(k.responseId() + SUFFIX + ".tmp");
            Files.deleteIfExists(tmp);
            FilePermissions.createPrivateFile(tmp);
            JSON.writeValue(tmp.toFile(), k);
            Files.move(tmp, file(k.responseId()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            FilePermissions.ownerOnly(file(k.responseId()));
        } catch (IOException e) {
            throw new UncheckedIOException("Utkastet kunde inte sparas lokalt heller: " + e.getMessage(), e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.warn("A sent self-check draft could not be deleted ({})", e.getClass().getSimpleName());
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("A refused self-check draft could not be set aside ({})", e.getClass().getSimpleName());
        }
    }
}

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
 * <p>h6 (decision 0037): the files are encrypted (AES-256-GCM, {@link DraftFileCipher}) with a key of this OS user's
 * folder; a file that does not decrypt is left untouched and reported ({@link Status#unreadable()}), never dropped.
 * While drafts wait, every round in which the change feed's connection answers may retry the send (backoff 1 s
 * doubling to 30 s), so one failed send at the moment the connection came back does not leave the draft waiting until
 * the next start. Whoever shows a draft's state hears when it was sent or not taken ({@link #listen}).
 *
 * <p>For a local database file there is no connection to lose: drafts go straight to it.
 */
public final class OfflineDraftService {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineDraftService.class);
    /** Jackson made when it is first needed, not when the database opens (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    }
    private static final String SUFFIX = ".kvh-utkast";

    private final SelfCheckService selfChecks;
    private final ChangeService changes;
    private static final String NOT_TAKEN = ".ej-skickat";
    private static final java.time.Duration MAX_RETRY = java.time.Duration.ofSeconds(30);

    private final Path folder;
    private final DraftFileCipher cipher;
    private final java.util.List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ChangeService.Watching watching;
    private ChangeService.Watching ticking;
    private Long nextTryNanos; // null: now
    private long retryMillis = 1_000;
    private volatile LocalDateTime lastSentAt;

    /** {@code folder} null: a local file, no offline keeping. */
    public OfflineDraftService(SelfCheckService selfChecks, ChangeService changes, Path folder) {
        this.selfChecks = selfChecks;
        this.changes = changes;
        this.folder = folder;
        this.cipher = folder == null ? null : new DraftFileCipher(folder);
    }

    /** h6: a kept draft the server now has, on {@code version}. */
    public record Sent(long responseId, long version, List<Answer> answers, LocalDateTime keptAt, LocalDateTime sentAt) { }

    /** h6: why the server did not take a kept draft when it answered again. */
    public enum Refusal {
        /** Someone else saved the self-check meanwhile: {@link NotTaken#conflict()} says what. */
        STALE,
        /** Submitted, locked or its round closed meanwhile. */
        LOCKED,
        /** The login may no longer write this unit's self-checks (the grant was revoked). */
        NO_ACCESS,
        /** Anything else (the self-check is gone, …). */
        OTHER
    }

    /** h6: a kept draft the server refused; its file is kept as {@code .ej-skickat} beside the others. */
    public record NotTaken(long responseId, Refusal refusal, SelfCheckService.DraftConflict conflict,
                           List<Answer> answers, LocalDateTime keptAt, Path file) { }

    /** h6: hears about kept drafts, on the thread that sent them (hand over to the UI thread yourself). */
    public interface Listener {
        void sent(Sent sent);

        void notTaken(NotTaken notTaken);
    }

    /**
     * h6: what waits: {@code waiting} drafts to send (the oldest kept at {@code oldestKeptAt}), {@code notTaken}
     * refused by the server and kept, {@code unreadable} files that do not decrypt (damaged or another key; left as
     * they are, for IT), and when a kept draft was last sent in this session.
     */
    public record Status(int waiting, LocalDateTime oldestKeptAt, int notTaken, List<Path> unreadable,
                         LocalDateTime lastSentAt) {
        public static final Status NONE = new Status(0, null, 0, List.of(), null);
    }

    /** h6: {@code l} hears of every kept draft sent or not taken until the returned handle is closed. */
    public ChangeService.Watching listen(Listener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** What became of a draft: saved on the server (or the file), or kept locally until the server answers. */
    public record Saved(int changed, boolean keptLocally, Long version, LocalDateTime keptAt) {
        public Saved(int changed, boolean keptLocally, Long version) {
            this(changed, keptLocally, version, null);
        }

        public Saved(int changed, boolean keptLocally) {
            this(changed, keptLocally, null, null);
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
            LocalDateTime at = LocalDateTime.now();
            keep(new Kept(responseId, at, List.copyOf(answers), version));
            LOG.info("The server did not answer: a self-check draft is kept locally until it does");
            watchForTheServer();
            return new Saved(0, true, null, at);
        }
    }

    /** How many drafts wait to be sent (files that cannot be read are not among them: {@link #status()}). */
    public int waiting() {
        return status().waiting();
    }

    /** h6: what waits, what the server did not take, and which files cannot be read. */
    public Status status() {
        if (folder == null) {
            return Status.NONE;
        }
        int waiting = 0;
        LocalDateTime oldest = null;
        List<Path> unreadable = new ArrayList<>();
        for (Path f : kept()) {
            try {
                Kept k = read(f);
                waiting++;
                oldest = oldest == null || (k.savedAt() != null && k.savedAt().isBefore(oldest)) ? k.savedAt() : oldest;
            } catch (DraftFileCipher.Unreadable | IOException e) {
                unreadable.add(f);
            }
        }
        return new Status(waiting, oldest, files(NOT_TAKEN).size(), List.copyOf(unreadable), lastSentAt);
    }

    /**
     * h6: the person has decided about the not-taken draft of {@code responseId} (the conflict dialog): its file is
     * no longer needed.
     */
    public void settled(long responseId) {
        if (folder != null) {
            delete(folder.resolve(responseId + SUFFIX + NOT_TAKEN));
        }
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
        int unreadable = 0;
        for (Path f : kept()) {
            Kept k;
            try {
                k = read(f);
            } catch (DraftFileCipher.Unreadable | IOException e) {
                // damaged or another key: never dropped, never overwritten; the person and IT are told (status())
                unreadable++;
                continue;
            }
            try {
                var saved = selfChecks.saveDraft(k.responseId(), k.answers(), k.version());
                delete(f);
                sent++;
                LocalDateTime now = LocalDateTime.now();
                lastSentAt = now;
                Sent event = new Sent(k.responseId(), saved.version(), k.answers(), k.savedAt(), now);
                listeners.forEach(l -> l.sent(event));
            } catch (RuntimeException e) {
                if (connectionLost(e)) {
                    LOG.info("Kept self-check drafts wait: the server did not take the send ({})",
                            se.kvalitetshjulet.data.ConnectionFailures.reason(e));
                    break;
                }
                // submitted, locked, revoked or changed meanwhile: never overwrite, keep the answers for the person
                Path aside = f.resolveSibling(f.getFileName() + NOT_TAKEN);
                move(f, aside);
                refused++;
                NotTaken event = new NotTaken(k.responseId(), refusal(e),
                        e instanceof SelfCheckService.DraftConflictException c ? c.conflict() : null, k.answers(),
                        k.savedAt(), aside);
                listeners.forEach(l -> l.notTaken(event));
            }
        }
        if (sent > 0 || refused > 0) {
            LOG.info("Kept self-check drafts: {} sent, {} not taken by the server, {} unreadable (left as they are)",
                    sent, refused, unreadable);
        }
        return sent;
    }

    private static Refusal refusal(RuntimeException e) {
        if (e instanceof SelfCheckService.DraftConflictException) {
            return Refusal.STALE;
        }
        if (se.kvalitetshjulet.data.ConnectionFailures.permissionDenied(e)) {
            return Refusal.NO_ACCESS;
        }
        return e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().contains("låst")
                ? Refusal.LOCKED : Refusal.OTHER;
    }

    /**
     * Reads a kept file: encrypted (h6), or plain JSON as the first version wrote it (so that no draft kept before is
     * lost; it is sent and deleted as any other).
     */
    private Kept read(Path f) throws IOException, DraftFileCipher.Unreadable {
        byte[] bytes = Files.readAllBytes(f);
        long responseId;
        try {
            responseId = Long.parseLong(f.getFileName().toString().replace(SUFFIX, ""));
        } catch (NumberFormatException e) {
            throw new DraftFileCipher.Unreadable(DraftFileCipher.Problem.DAMAGED);
        }
        byte[] plain;
        if (DraftFileCipher.encrypted(bytes)) {
            plain = cipher.decrypt(bytes, responseId);
        } else if (bytes.length > 0 && bytes[0] == '{') {
            plain = bytes;
        } else {
            throw new DraftFileCipher.Unreadable(DraftFileCipher.Problem.DAMAGED);
        }
        try {
            Kept k = Json.MAPPER.readValue(plain, Kept.class);
            if (k.responseId() != responseId || k.answers() == null) {
                throw new DraftFileCipher.Unreadable(DraftFileCipher.Problem.DAMAGED);
            }
            return k;
        } catch (IOException e) {
            throw new DraftFileCipher.Unreadable(DraftFileCipher.Problem.DAMAGED);
        }
    }

    private synchronized void watchForTheServer() {
        if (watching == null && changes != null) {
            // the change feed says when the connection is back (it retries with a backoff); any change will do
            watching = changes.watch(EnumSet.allOf(ChangeTopic.class), topics -> tryNow());
            // h6: and while it is connected, a send that failed (the pool still waiting for the server when the feed
            // was back, a restart under way) is tried again with a backoff of its own
            ticking = changes.whileConnected(this::retryIfDue);
        }
    }

    private void tryNow() {
        synchronized (this) {
            nextTryNanos = null;
            retryMillis = 1_000;
        }
        retryIfDue();
    }

    private void retryIfDue() {
        synchronized (this) {
            if ((nextTryNanos != null && System.nanoTime() - nextTryNanos < 0) || waiting() == 0) {
                return;
            }
        }
        sendKept();
        synchronized (this) {
            if (waiting() > 0) {
                nextTryNanos = System.nanoTime() + retryMillis * 1_000_000L;
                retryMillis = Math.min(retryMillis * 2, MAX_RETRY.toMillis());
            } else {
                retryMillis = 1_000;
            }
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
        return files(SUFFIX);
    }

    private List<Path> files(String suffix) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(folder)) {
            return new ArrayList<>(all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Writes {@code k} encrypted, owner-only, by an atomic move (package-private: the file tests write one). */
    synchronized void keep(Kept k) {
        try {
            FilePermissions.privateDirectory(folder);
            Path tmp = folder.resolve(k.responseId() + SUFFIX + ".tmp");
            Files.deleteIfExists(tmp);
            FilePermissions.createPrivateFile(tmp);
            Files.write(tmp, cipher.encrypt(Json.MAPPER.writeValueAsBytes(k), k.responseId()),
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
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

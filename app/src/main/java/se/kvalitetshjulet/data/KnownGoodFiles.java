package se.kvalitetshjulet.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database files known to be as they were after the last clean integrity check and close by this program (decision
 * 0042-a): for such a file, when it is large, the {@code PRAGMA quick_check} at open (decision 0011) is skipped.
 *
 * <p>What is recorded for a file (its {@link Stamp}): its size, its modification time, its status-change time and its
 * identity (device and inode) where the file system has them (Linux, macOS; elsewhere the creation time and the
 * file key Java offers), and a SHA-256 of its first 4 096 bytes — SQLite's header with its change counter and page
 * count on a plain file, the salt and the encrypted first page of an encrypted one, which a write of page 1 changes
 * either way. The record lives beside the user's settings ({@code known-good-files.properties} in the data folder),
 * never in the database file itself, so a copy of the file carried elsewhere carries no "known good" with it.
 *
 * <p>A file is not stamped at all (and so is checked at every open) while a non-empty {@code -wal} or a
 * {@code -journal} lies beside it: its content is then more than the file. Nothing is recorded or skipped unless a
 * store was set with {@link #useStore} (the application's entry point does; tests and library use check always), and
 * never for a file smaller than {@link #minBytes()}.
 */
public final class KnownGoodFiles {
    private static final Logger LOG = LoggerFactory.getLogger(KnownGoodFiles.class);

    /**
     * Below this size the check is always made. {@code quick_check} reads and checks every page once; through the
     * driver's SQLite (3.53) that costs about 5 ms of CPU per MB with the file in the page cache (decision 0045:
     * 0.8 s for a 160 MB register, 7–8 s for 1.4 GB; the {@code sqlite3} 3.40 CLI of decision 0016 needed a fifth of
     * that) and more on a cold or busy disk, so up to 32 MiB it costs at most about 0.15 s and is always made.
     */
    public static final long DEFAULT_MIN_BYTES = 32L * 1024 * 1024;

    private static final int HEAD_BYTES = 4096;

    private static volatile Path store;
    private static volatile long minBytes = DEFAULT_MIN_BYTES;

    private KnownGoodFiles() {
    }

    /** Where the records are kept (the user's data folder); null turns the skip off: every open checks. */
    public static synchronized void useStore(Path file) {
        useStore(file, DEFAULT_MIN_BYTES);
    }

    /** As {@link #useStore(Path)}, with another smallest size that may skip the check (tests use small files). */
    public static synchronized void useStore(Path file, long smallest) {
        store = file;
        minBytes = smallest;
    }

    /** The store in use, or null. */
    public static Path store() {
        return store;
    }

    /** The smallest file whose check at open may be skipped. */
    public static long minBytes() {
        return minBytes;
    }

    /**
     * What identifies a file's state: size, times, identity and a hash of its head, as one comparable string each.
     */
    public record Stamp(long size, String modified, String identity, String head) {
        String encode() {
            return size + "|" + modified + "|" + identity + "|" + head;
        }
    }

    /**
     * The file's stamp now, or empty when it cannot be taken or the file's content is more than the file (a
     * non-empty write-ahead log, a rollback journal beside it).
     */
    public static Optional<Stamp> stamp(Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            Path journal = file.resolveSibling(file.getFileName() + "-journal");
            if ((Files.exists(wal) && Files.size(wal) > 0) || Files.exists(journal)) {
                return Optional.empty();
            }
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!basic.isRegularFile()) {
                return Optional.empty();
            }
            String identity;
            try {
                Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino,ctime", LinkOption.NOFOLLOW_LINKS);
                identity = "dev=" + unix.get("dev") + ",ino=" + unix.get("ino") + ",ctime=" + unix.get("ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                identity = "key=" + basic.fileKey() + ",created=" + basic.creationTime();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                sha.update(in.readNBytes(HEAD_BYTES));
            }
            return Optional.of(new Stamp(basic.size(), basic.lastModifiedTime().toString(), identity,
                    HexFormat.of().formatHex(sha.digest())));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.debug("No stamp of {}", file, e);
            return Optional.empty();
        }
    }

    /**
     * Whether the file is exactly as recorded after its last clean check and close by this program, and large enough
     * for the skip to matter: only then may the check at open be left out.
     */
    public static boolean unchanged(Path file) {
        Path s = store;
        if (s == null) {
            return false;
        }
        Path key = file.toAbsolutePath().normalize();
        String recorded = read(s).getProperty(key.toString());
        if (recorded == null) {
            return false;
        }
        Optional<Stamp> now = stamp(key);
        return now.isPresent() && now.get().size() >= minBytes && now.get().encode().equals(recorded);
    }

    /**
     * Records the file as known good (after a clean check, or an open that found it unchanged, and the close of every
     * connection of this program to it); forgets it instead when it cannot be stamped or is small.
     */
    public static void record(Path file) {
        Path s = store;
        if (s == null) {
            return;
        }
        Path key = file.toAbsolutePath().normalize();
        Optional<Stamp> now = stamp(key);
        synchronized (KnownGoodFiles.class) {
            Properties p = read(s);
            String before = p.getProperty(key.toString());
            String after = now.filter(st -> st.size() >= minBytes).map(Stamp::encode).orElse(null);
            if (java.util.Objects.equals(before, after)) {
                return;
            }
            if (after == null) {
                p.remove(key.toString());
            } else {
                p.setProperty(key.toString(), after);
            }
            write(s, p);
        }
    }

    /** Forgets the file: its next open checks it (a check that found problems, a file replaced by a restore). */
    public static void forget(Path file) {
        Path s = store;
        if (s == null) {
            return;
        }
        String key = file.toAbsolutePath().normalize().toString();
        synchronized (KnownGoodFiles.class) {
            Properties p = read(s);
            if (p.remove(key) != null) {
                write(s, p);
            }
        }
    }

    private static Properties read(Path s) {
        Properties p = new Properties();
        if (Files.isRegularFile(s)) {
            try (InputStream in = Files.newInputStream(s)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}: every file is checked at open", s, e);
                return new Properties();
            }
        }
        return p;
    }

    /** Written whole to a file beside it and moved over the old one: a reader sees the old records or the new. */
    private static void write(Path s, Properties p) {
        try {
            Files.createDirectories(s.toAbsolutePath().getParent());
            Path tmp = s.resolveSibling(s.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            FilePermissions.createPrivateFile(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Kvalitetshjulet: database files as they were after their last clean check and close "
                        + "(decision 0042-a). Delete this file to have every database checked at its next open.");
            }
            try {
                Files.move(tmp, s, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, s, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write {}: the next open checks the file", s, e);
        }
    }
}

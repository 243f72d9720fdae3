package se.kvalitetshjulet.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files with register data (half-written exports, reports, POI's own scratch files) live in a private
 * folder of the user's (0700), one sub-folder per running process; never beside the target, never in a shared
 * system folder. A failed write removes its file; a process killed midway leaves its folder, which the next start
 * removes ({@link #cleanLeftovers}).
 */
public final class TempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
    private static volatile Path root = Path.of(System.getProperty("java.io.tmpdir"),
            "kvalitetshjulet-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_"));
    private static volatile Path processDir;

    private TempFiles() {
    }

    /** Uses {@code dir} (normally {@code tmp} in the user-data folder) for temporary files. */
    public static synchronized void useRoot(Path dir) {
        root = dir.toAbsolutePath().normalize();
        processDir = null;
    }

    /** This process's private folder, created on first use and removed when the JVM exits normally. */
    public static synchronized Path processDir() throws IOException {
        if (processDir == null || !Files.isDirectory(processDir)) {
            FilePermissions.privateDirectory(root);
            Path mine = FilePermissions.privateDirectory(root.resolve(Long.toString(ProcessHandle.current().pid())));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(mine), "temp-cleanup"));
            processDir = mine;
        }
        return processDir;
    }

    /** A new empty temporary file, readable by its owner only. */
    public static Path create(String prefix, String suffix) throws IOException {
        Path f = Files.createTempFile(processDir(), prefix, suffix);
        FilePermissions.ownerOnly(f);
        return f;
    }

    /**
     * Moves a finished temporary file to {@code target}, replacing it in one step where the file system allows it;
     * across file systems (a USB stick) it is copied to a hidden name beside the target first and then renamed.
     */
    public static void moveInto(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        } catch (java.nio.file.FileSystemException e) {
            if (!(e instanceof AtomicMoveNotSupportedException) && Files.exists(target.toAbsolutePath().getParent())
                    && !crossDevice(e)) {
                throw e;
            }
        }
        Path beside = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.copy(tmp, beside, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(beside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(beside, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(beside);
            throw e;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean crossDevice(java.nio.file.FileSystemException e) {
        String r = e.getReason();
        return r != null && (r.contains("cross-device") || r.contains("Invalid cross-device link"));
    }

    /** Deletes {@code f} if it exists, logging (not throwing) when it cannot. */
    public static void deleteQuietly(Path f) {
        if (f == null) {
            return;
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary file {}", f, e);
        }
    }

    /** Removes the folders of earlier processes that are no longer running (killed or crashed midway). */
    public static void cleanLeftovers() {
        if (!Files.isDirectory(root)) {
            return;
        }
        long me = ProcessHandle.current().pid();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.matches("\\d{1,10}")) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (pid != me && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (pid != me) {
                    LOG.info("Removing temporary files left by process {}: {}", pid, d);
                    deleteTree(d);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean {}", root, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(TempFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not remove {}", dir, e);
        }
    }
}

package se.kvalitetshjulet.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files with register data (databases, backups, logs, temporary export files) are readable by their owner only:
 * 0600 for files and 0700 for folders where the file system has POSIX permissions. On Windows the user's profile
 * folders are private already.
 */
public final class FilePermissions {
    private static final Logger LOG = LoggerFactory.getLogger(FilePermissions.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private FilePermissions() {
    }

    /** Makes {@code file} readable and writable by its owner only (a no-op where there are no POSIX permissions). */
    public static void ownerOnly(Path file) {
        if (!POSIX || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, Files.isDirectory(file) ? DIR : FILE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not restrict the permissions of {}", file, e);
        }
    }

    /**
     * The folder a user named for a database file: created private to its owner when it does not exist, but an
     * existing folder is never changed (it may be shared, like {@code /tmp} or a team folder: making it private
     * would lock the others out).
     */
    public static Path folderFor(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return dir;
        }
        if (POSIX) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile
            }
        } else {
            Files.createDirectories(dir);
        }
        return dir;
    }

    /**
     * Creates {@code dir} (and missing parents) if needed and makes it private to its owner: only for the
     * application's own folders (data, logs, temporary files), never for a folder the user chose.
     */
    public static Path privateDirectory(Path dir) throws IOException {
        if (POSIX && !Files.exists(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile
            }
        } else {
            Files.createDirectories(dir);
        }
        ownerOnly(dir);
        return dir;
    }

    /** Creates an empty file readable by its owner only, unless it exists. */
    public static void createPrivateFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }
}

package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database created in a folder the user chose never changes that folder: a shared folder (like /tmp or a team
 * folder) made private would lock the others out. The file itself is private; a folder we create is private too.
 */
class DatabaseFolderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void posix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    @Test
    void anExistingSharedFolderKeepsItsPermissions() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("delad"));
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxrwxrwx");
        Files.setPosixFilePermissions(shared, open);

        try (Database db = Database.open(shared.resolve("k.db"))) {
            assertThat(db.file()).exists();
        }

        assertThat(Files.getPosixFilePermissions(shared)).isEqualTo(open);
        assertThat(Files.getPosixFilePermissions(shared.resolve("k.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aFolderThatDidNotExistIsCreatedPrivate() throws Exception {
        Path fresh = dir.resolve("ny").resolve("mapp");

        try (Database db = Database.open(fresh.resolve("k.db"))) {
            assertThat(db.file()).exists();
        }

        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}

package se.kvalitetshjulet.domain.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;

/** One backup beside a database: the file, when it was taken (from its name), its size in bytes and its kind. */
public record BackupFile(Path file, LocalDateTime taken, long size, BackupKind kind) {
    /** The file's name, as shown and as {@code backup restore} takes it. */
    public String name() {
        return file.getFileName().toString();
    }
}

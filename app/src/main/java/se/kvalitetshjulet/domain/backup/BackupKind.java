package se.kvalitetshjulet.domain.backup;

import java.util.Optional;

/**
 * Why a backup was made. The kind is part of the file name ({@code <db>.backup-yyyyMMdd-HHmmss-daily}); a name
 * without a kind (older backups, and {@code backup create}) is a {@link #MANUAL} one.
 */
public enum BackupKind {
    /** The automatic backup when the app is used, at most one a day; rotated daily and weekly. */
    DAILY("daily"),
    /** "Ta säkerhetskopia nu" or {@code backup create}. */
    MANUAL(null),
    /** Before the schema was upgraded to a new version. */
    UPGRADE("upgrade"),
    /** The current file, kept before a backup was restored over it. */
    RESTORE("restore"),
    /** By {@code encrypt} or {@code rekey}, before the file was replaced. */
    ENCRYPT("encrypt");

    private final String tag;

    BackupKind(String tag) {
        this.tag = tag;
    }

    /** The word in the file name, or empty for {@link #MANUAL}. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The kind a file name's tag stands for; no tag is {@link #MANUAL}. */
    public static BackupKind ofTag(String tag) {
        if (tag == null || tag.isEmpty()) {
            return MANUAL;
        }
        for (BackupKind k : values()) {
            if (tag.equals(k.tag)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown backup kind: " + tag);
    }

    /** The tags, as a regular-expression alternation for file-name patterns. */
    public static String tagPattern() {
        StringBuilder sb = new StringBuilder();
        for (BackupKind k : values()) {
            if (k.tag != null) {
                sb.append(sb.isEmpty() ? "" : "|").append(k.tag);
            }
        }
        return sb.toString();
    }
}

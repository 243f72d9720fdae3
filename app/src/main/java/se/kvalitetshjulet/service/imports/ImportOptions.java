package se.kvalitetshjulet.service.imports;

/**
 * How to import: the source system's name (rows are remembered by source and external id),
 * whether to only check (dry run) and whether to import the valid rows of a file that has
 * rejected rows. The default is all or nothing: one rejected row and nothing is written.
 */
public record ImportOptions(String source, boolean dryRun, boolean skipInvalid) {
    public static ImportOptions of(String source, boolean dryRun) {
        return new ImportOptions(source, dryRun, false);
    }
}

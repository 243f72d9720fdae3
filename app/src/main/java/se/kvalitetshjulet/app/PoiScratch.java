package se.kvalitetshjulet.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.util.TempFileCreationStrategy;

import se.kvalitetshjulet.data.FilePermissions;
import se.kvalitetshjulet.data.TempFiles;

/**
 * Where POI writes its scratch files (a streamed XLSX sheet: the whole register as XML before it is zipped, gigabytes
 * at a million rows; decision 0046): in a folder {@code poi} of this process's private temporary folder, created when
 * it is missing. POI's own {@code DefaultTempFileCreationStrategy(dir)} silently falls back to the shared
 * {@code java.io.tmpdir/poifiles} when the folder it was given does not exist yet, which is where the register's
 * contents went before; this one never leaves the private folder.
 */
public final class PoiScratch implements TempFileCreationStrategy {
    static final String FOLDER = "poi";

    /** The folder the scratch files go to now (created, private to the user). */
    public static Path folder() throws IOException {
        return FilePermissions.privateDirectory(TempFiles.processDir().resolve(FOLDER));
    }

    @Override
    public File createTempFile(String prefix, String suffix) throws IOException {
        Path f = Files.createTempFile(folder(), prefix, suffix);
        FilePermissions.ownerOnly(f);
        return f.toFile();
    }

    @Override
    public File createTempDirectory(String prefix) throws IOException {
        return FilePermissions.privateDirectory(Files.createTempDirectory(folder(), prefix)).toFile();
    }
}

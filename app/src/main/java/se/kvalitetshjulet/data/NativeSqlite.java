package se.kvalitetshjulet.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points sqlite-jdbc at the native library this build compiled: sqlite-jdbc's own JNI code linked with SQLite3
 * Multiple Ciphers (decision 0013), so databases can be encrypted. Must run before the first SQLite connection of the
 * process ({@link Database} calls it from its static initialiser). Where it finds no such library (a build without a C
 * compiler) sqlite-jdbc's stock library is used and encryption is unavailable; plain databases work as before.
 *
 * <p>Where the library comes from, first match wins: {@code -Dkvalitetshjulet.native.dir} (the installed app image
 * sets it to its own folder, so nothing is unpacked at run time), the class path as a folder (tests, IDE), or the
 * jar, unpacked once per library build into {@code -Dkvalitetshjulet.native.cache} when that is set (nothing sets it
 * today), else into {@code <java.io.tmpdir>/kvalitetshjulet-native-<user>/<key>/}, the key named by the jar entry's
 * CRC-32 and size (decision 0039).
 */
final class NativeSqlite {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSqlite.class);
    static final String LIB = System.mapLibraryName("kvhsqlite");
    private static final String RESOURCE_DIR = "/se/kvalitetshjulet/native/";
    private static Boolean configured;

    private NativeSqlite() {
    }

    /** @return whether sqlite-jdbc will load the encryption-capable library */
    static synchronized boolean configure() {
        if (configured == null) {
            configured = locate();
        }
        return configured;
    }

    private static boolean locate() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return LIB.equals(System.getProperty("org.sqlite.lib.name"));
        }
        try {
            String dir = System.getProperty("kvalitetshjulet.native.dir");
            if (dir != null && Files.isRegularFile(Path.of(dir, LIB))) {
                return use(Path.of(dir));
            }
            if (!matchesThisPlatform()) {
                return false;
            }
            URL url = NativeSqlite.class.getResource(RESOURCE_DIR + LIB);
            if (url == null) {
                return false;
            }
            if ("file".equals(url.getProtocol())) {
                return use(Path.of(url.toURI()).getParent());
            }
            return use(unpack(url));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.warn("The encryption-capable SQLite library could not be prepared; using the stock one", e);
            return false;
        }
    }

    /** The library in the jar was built for one OS and processor (never another's): check it is this one. */
    private static boolean matchesThisPlatform() throws IOException {
        Properties p = new Properties();
        try (InputStream in = NativeSqlite.class.getResourceAsStream(RESOURCE_DIR + "native.properties")) {
            if (in == null) {
                return false;
            }
            p.load(in);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String family = os.contains("win") ? "windows" : os.contains("mac") ? "mac" : os.contains("linux") ? "linux" : os;
        boolean ok = family.equals(p.getProperty("os")) && System.getProperty("os.arch", "").equals(p.getProperty("arch"));
        if (!ok) {
            LOG.warn("The bundled SQLite library is for {}/{}, this is {}/{}: encryption unavailable",
                    p.getProperty("os"), p.getProperty("arch"), family, System.getProperty("os.arch"));
        }
        return ok;
    }

    private static Path unpack(URL url) throws IOException {
        // decision 0039: the library's folder is named by the jar entry's CRC-32 and size, which the jar's directory
        // holds, so a start whose library is already unpacked reads none of its 2 MB (it hashed all of them before)
        String key = null;
        long size = -1;
        if (url.openConnection() instanceof java.net.JarURLConnection jar) {
            jar.setUseCaches(true);
            java.util.jar.JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getCrc() >= 0 && entry.getSize() >= 0) {
                size = entry.getSize();
                key = "crc" + Long.toHexString(entry.getCrc()) + "-" + Long.toHexString(size);
            }
        }
        byte[] bytes = null;
        if (key == null) {
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            }
            size = bytes.length;
            try {
                key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        String base = System.getProperty("kvalitetshjulet.native.cache");
        Path dir = (base != null ? Path.of(base)
                : Path.of(System.getProperty("java.io.tmpdir"), "kvalitetshjulet-native-" + System.getProperty("user.name")))
                .resolve(key);
        Path target = dir.resolve(LIB);
        if (!Files.isRegularFile(target) || Files.size(target) != size) {
            if (bytes == null) {
                try (InputStream in = url.openStream()) {
                    bytes = in.readAllBytes();
                }
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "lib", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return dir;
    }

    private static boolean use(Path dir) {
        System.setProperty("org.sqlite.lib.path", dir.toAbsolutePath().toString());
        System.setProperty("org.sqlite.lib.name", LIB);
        return true;
    }
}

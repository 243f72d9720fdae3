package se.kvalitetshjulet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the password for a server login the way {@code psql} does, so that IT's usual set-up works and we never store
 * one: {@code PGPASSWORD}, else the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}, on Windows
 * {@code %APPDATA%\postgresql\pgpass.conf}) with lines {@code host:port:database:user:password}, {@code *} as a
 * wildcard and {@code \:} / {@code \\} escaped. As in libpq the first matching line wins.
 */
public final class PgPassword {
    private PgPassword() {
    }

    /** From the process environment and the user's home folder. */
    public static Optional<String> find(ServerUrl url) {
        return find(url, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Optional<String> find(ServerUrl url, Map<String, String> env, Path home) {
        String direct = env.get("PGPASSWORD");
        if (direct != null && !direct.isEmpty()) {
            return Optional.of(direct);
        }
        Path file;
        if (env.get("PGPASSFILE") != null && !env.get("PGPASSFILE").isBlank()) {
            file = Path.of(env.get("PGPASSFILE"));
        } else if (System.getProperty("os.name", "").toLowerCase().contains("win") && env.get("APPDATA") != null) {
            file = Path.of(env.get("APPDATA"), "postgresql", "pgpass.conf");
        } else {
            file = home.resolve(".pgpass");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() < 5) {
                continue;
            }
            if (matches(f.get(0), url.host()) && matches(f.get(1), Integer.toString(url.port()))
                    && matches(f.get(2), url.database()) && matches(f.get(3), url.user())) {
                return Optional.of(f.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

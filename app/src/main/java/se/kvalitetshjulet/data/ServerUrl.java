package se.kvalitetshjulet.data;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A PostgreSQL server database as users write it: {@code postgresql://USER@HOST:PORT/DBNAME[?sslmode=…]}
 * (libpq's URI form; {@code postgres://} too). The port defaults to 5432, the user to the operating-system user,
 * the database to the user's name, as in {@code psql}. A password in the address is refused: it would end up in
 * shell histories and in the list of remembered databases; it comes from PGPASSWORD or ~/.pgpass
 * ({@link PgPassword}).
 */
public record ServerUrl(String user, String host, int port, String database, Map<String, String> params) {
    /** Connection parameters passed on to the driver; others are refused so that a typo is not silently ignored. */
    private static final Set<String> KNOWN_PARAMS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey",
            "connect_timeout", "application_name");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public ServerUrl {
        Objects.requireNonNull(user);
        Objects.requireNonNull(host);
        Objects.requireNonNull(database);
        params = Map.copyOf(params);
    }

    /** True when {@code text} is meant as a server address rather than a file path. */
    public static boolean isServerUrl(String text) {
        return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://"));
    }

    /**
     * Parses a server address.
     *
     * @throws IllegalArgumentException with a Swedish message that says what to write instead
     */
    public static ServerUrl parse(String text) {
        if (!isServerUrl(text)) {
            throw new IllegalArgumentException("En serveradress börjar med postgresql://, till exempel "
                    + "postgresql://anna@db.kommun.se:5432/kvalitet.");
        }
        URI uri;
        try {
            uri = new URI(text.replaceFirst("^postgres://", "postgresql://"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Serveradressen " + text + " går inte att läsa (" + e.getReason()
                    + "). Skriv den som postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS.", e);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Serveradressen " + text + " saknar värd. Skriv den som "
                    + "postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS.");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("Skriv inte lösenordet i serveradressen: det sparas då i klartext. "
                    + "Ange det i PGPASSWORD eller i filen ~/.pgpass (som psql).");
        }
        String user = userInfo == null || userInfo.isBlank() ? System.getProperty("user.name", "postgres") : decode(userInfo);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isBlank() ? user : decode(path);
        if (database.contains("/")) {
            throw new IllegalArgumentException("Databasnamnet i " + text + " får inte innehålla '/'.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null && !uri.getRawQuery().isBlank()) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!KNOWN_PARAMS.contains(key)) {
                    throw new IllegalArgumentException("Okänd parameter '" + key + "' i serveradressen. Kända: "
                            + String.join(", ", KNOWN_PARAMS.stream().sorted().toList()) + ".");
                }
                if (key.equals("sslmode") && !SSL_MODES.contains(value)) {
                    throw new IllegalArgumentException("sslmode=" + value + " finns inte. Välj en av "
                            + String.join(", ", SSL_MODES.stream().sorted().toList()) + ".");
                }
                params.put(key, value);
            }
        }
        return new ServerUrl(user, host, uri.getPort() < 0 ? 5432 : uri.getPort(), database, params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The sslmode the connection uses: the one given, else PGSSLMODE, else libpq's default {@code prefer}. */
    public String sslmode() {
        String given = params.get("sslmode");
        if (given != null) {
            return given;
        }
        String env = System.getenv("PGSSLMODE");
        return env != null && SSL_MODES.contains(env) ? env : "prefer";
    }

    /** The JDBC URL for the PostgreSQL driver (without user or password). */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(java.net.URLEncoder.encode(database, StandardCharsets.UTF_8));
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("sslmode", sslmode());
        p.putIfAbsent("application_name", "Kvalitetshjulet");
        String connectTimeout = p.remove("connect_timeout");
        if (connectTimeout != null) {
            p.put("connectTimeout", connectTimeout);
        }
        char sep = '?';
        for (var e : p.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    /** The address as the user wrote it (normalised, never with a password): for titles, lists and messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("postgresql://").append(user).append('@').append(host).append(':').append(port)
                .append('/').append(database);
        char sep = '?';
        for (var e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return sb.toString();
    }
}

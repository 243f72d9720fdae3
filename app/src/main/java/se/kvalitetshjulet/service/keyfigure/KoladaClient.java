package se.kvalitetshjulet.service.keyfigure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fetches values from the Kolada API v3 — only when a user asks for it (the "Hämta från Kolada" button or
 * {@code keyfigures fetch}); nothing calls it at start-up, and the tests point it at a loopback server.
 * {@code data/kpi/{kpis}/municipality/{ids}/year/{years}?per_page=5000}, following {@code next_url} until it is null.
 * The answer is returned as one {@code {"values": [...]}} object, the same shape a saved file has, so a fetch and an
 * import of a file go through the same {@link KoladaImporter}.
 */
public final class KoladaClient {
    public static final String DEFAULT_BASE = "https://api.kolada.se/v3/";
    /** Stops a server that keeps answering with a next page. */
    static final int MAX_PAGES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;

    public KoladaClient(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
        if (!this.base.startsWith("https://") && !this.base.startsWith("http://")) {
            throw new IllegalArgumentException("Adressen till Kolada ska börja med https://.");
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The first page's address for the KPIs, municipalities and years. */
    public URI dataUri(List<String> kpis, List<String> municipalities, List<Integer> years) {
        if (kpis.isEmpty() || municipalities.isEmpty() || years.isEmpty()) {
            throw new IllegalArgumentException("Välj minst ett nyckeltal, en kommun och ett år att hämta.");
        }
        return URI.create(base + "data/kpi/" + join(kpis) + "/municipality/" + join(municipalities) + "/year/"
                + years.stream().map(String::valueOf).collect(Collectors.joining(",")) + "?per_page=5000");
    }

    private static String join(List<String> ids) {
        return ids.stream().map(s -> URLEncoder.encode(s.strip(), StandardCharsets.UTF_8)).collect(Collectors.joining(","));
    }

    /**
     * Fetches every page starting at {@code first}.
     *
     * @throws IOException with a Swedish message when the machine is offline or Kolada answers with an error
     */
    public JsonNode fetchAll(URI first) throws IOException, InterruptedException {
        ArrayNode all = JSON.createArrayNode();
        URI next = first;
        int pages = 0;
        while (next != null) {
            if (++pages > MAX_PAGES) {
                throw new IOException("Kolada svarade med fler än " + MAX_PAGES + " sidor; hämta färre nyckeltal åt gången.");
            }
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                throw new IOException("Kolada kunde inte nås (" + next.getHost() + "). Datorn verkar sakna nätverk; "
                        + "spara svaret från Kolada som fil på en annan dator och läs in filen i stället.", e);
            }
            if (r.statusCode() != 200) {
                throw new IOException("Kolada svarade med status " + r.statusCode() + " för " + next
                        + ". Kontrollera nyckeltalens id och kommunkoderna.");
            }
            JsonNode page = JSON.readTree(r.body());
            JsonNode values = page == null ? null : page.get("values");
            if (values == null || !values.isArray()) {
                throw new IOException("Svaret från Kolada saknar \"values\"; är adressen rätt (" + next + ")?");
            }
            values.forEach(all::add);
            JsonNode n = page.get("next_url");
            next = n == null || n.isNull() || n.asText().isBlank() ? null : URI.create(n.asText());
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("values", all);
        return out;
    }
}

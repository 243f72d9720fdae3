package se.kvalitetshjulet.service.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kolada client against a loopback server only: two pages joined by next_url; no test reaches the network. */
class KoladaClientTest {
    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v3/";
        server.createContext("/v3/", ex -> {
            requested.add(ex.getRequestURI().toString());
            String body = ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("page=2")
                    ? "{\"values\": [{\"kpi\": \"U21468\", \"municipality\": \"0000\", \"period\": 2025, \"values\": "
                    + "[{\"gender\": \"T\", \"count\": 1, \"status\": \"\", \"value\": 87.0}]}], \"next_url\": null}"
                    : "{\"values\": [{\"kpi\": \"U21468\", \"municipality\": \"1280\", \"period\": 2025, \"values\": "
                    + "[{\"gender\": \"T\", \"count\": 1, \"status\": \"\", \"value\": 88.0}]}], \"next_url\": \""
                    + base + "data/kpi/U21468/municipality/1280,0000/year/2025?per_page=5000&page=2\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void buildsTheV3DataAddress() {
        KoladaClient c = new KoladaClient(base);
        assertThat(c.dataUri(List.of("U21468", "U23592"), List.of("1280", "0000"), List.of(2024, 2025)).toString())
                .isEqualTo(base + "data/kpi/U21468,U23592/municipality/1280,0000/year/2024,2025?per_page=5000");
        assertThatThrownBy(() -> c.dataUri(List.of(), List.of("1280"), List.of(2025)))
                .hasMessageContaining("minst ett nyckeltal");
        assertThat(KoladaClient.DEFAULT_BASE).isEqualTo("https://api.kolada.se/v3/");
    }

    @Test
    void followsNextUrlUntilItIsNullAndTheAnswerImportsLikeAFile() throws Exception {
        KoladaClient c = new KoladaClient(base);
        URI first = c.dataUri(List.of("U21468"), List.of("1280", "0000"), List.of(2025));
        JsonNode all = c.fetchAll(first);
        assertThat(requested).hasSize(2);
        assertThat(all.get("values")).hasSize(2);
        assertThat(all.get("values").get(1).get("municipality").asText()).isEqualTo("0000");
    }

    @Test
    void anUnreachableServerGivesAPlainSwedishMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        KoladaClient c = new KoladaClient("http://127.0.0.1:" + port + "/v3/");
        assertThatThrownBy(() -> c.fetchAll(c.dataUri(List.of("U21468"), List.of("1280"), List.of(2025))))
                .isInstanceOf(IOException.class).hasMessageContaining("Kolada kunde inte nås");
    }
}

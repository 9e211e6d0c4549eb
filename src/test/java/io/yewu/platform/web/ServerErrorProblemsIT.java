package io.yewu.platform.web;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-negotiable 3 where the server itself refuses a request, before any of Yewu's code runs: a search of 10,000
 * characters (an address of 90 KB, past the server's header limit) and headers too large for it get problem details
 * (RFC 9457) in words a person reads, not Tomcat's HTML page; the address is not echoed back.
 */
class ServerErrorProblemsIT extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void PLT_anOverlongSearchIsRefusedWithProblemDetailsNotAServerPage() throws Exception {
        String q = URLEncoder.encode("杭".repeat(10_000), StandardCharsets.UTF_8);
        HttpResponse<String> r = get("/api/customers?q=" + q);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JsonMapper.builder().build().readTree(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("code").asString()).isEqualTo("request-rejected");
        assertThat(body.path("title").asString()).isEqualTo("请求无法受理");
        assertThat(body.path("detail").asString()).contains("过长");
        assertThat(r.body()).doesNotContain("<html").doesNotContain("%E6%9D%AD");
    }

    @Test
    void PLT_headersTooLargeAreRefusedWithProblemDetails() throws Exception {
        HttpResponse<String> r = get("/api/customers", "X-Padding", "x".repeat(64 * 1024));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonMapper.builder().build().readTree(r.body()).path("code").asString()).isEqualTo("request-rejected");
    }
}

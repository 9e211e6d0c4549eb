package io.yewu.service;

import com.sun.net.httpserver.HttpServer;
import io.yewu.platform.internal.scheduling.DueTaskRunner;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SVC-6 return visits by SMS through the platform's text-message channel (PLT-7): a real HTTP server on this
 * machine plays the SMS gateway; the webhook is configured per company by settings and signed; quiet hours hold a
 * message; a failed delivery is kept, visible and retried.
 */
class SmsReturnVisitIT extends IntegrationTest {

    private record Received(String body, String signature) {}

    @Autowired DueTaskRunner runner;

    private HttpServer gateway;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private Api admin;
    private Api agent;
    private Api desk;
    private long customerId;

    @BeforeEach
    void setUp() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Gateway-Sign")));
            byte[] out = (answer.get() == 200 ? "{\"ok\":true}" : "{\"error\":\"quota\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        gateway.start();
        admin = login("admin");
        agent = login("agent1");
        desk = login("revisit");
        customerId = ServiceFixtures.customer(jdbc, "短信超市" + System.nanoTime() % 100000, "1360000" + (1000 + System.nanoTime() % 9000), false);
        setting("notify.sms.webhook-url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
        setting("notify.sms.webhook-secret", "s3cret");
        setting("notify.sms.signature-header", "X-Gateway-Sign");
        setting("service.return-visit.sms-template", "{name}您好，工单{ticket}已办结，请回复1-5评价");
        callHours("00:00", "23:59");
    }

    @AfterEach
    void tearDown() {
        gateway.stop(0);
        setting("notify.sms.webhook-url", "");
        setting("notify.sms.webhook-secret", "");
        callHours("09:00", "20:00");
    }

    private void setting(String key, Object value) {
        var r = admin.post("/api/admin/settings/" + key, Map.of("value", value));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private void callHours(String from, String until) {
        setting("service.calls.from", from);
        setting("service.calls.until", until);
    }

    private long visit() {
        long id = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "COMPLAINT", Duration.ofHours(4))));
        var done = agent.post("/api/tickets/" + id + "/resolve", ServiceFixtures.complaintResolution());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return done.json().path("returnVisits").get(0).path("id").asLong();
    }

    private JsonNode message(long visit) {
        return desk.get("/api/return-visits/" + visit).json().path("messages").get(0);
    }

    /** Runs due tasks (the background poller may run them too) until the condition holds. */
    private void until(Instant at, Supplier<Boolean> done) throws InterruptedException {
        for (int i = 0; i < 60 && !done.get(); i++) {
            runner.runDue(at);
            Thread.sleep(250);
        }
        assertThat(done.get()).isTrue();
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("SVC-6/PLT-7: the SMS goes to the company's gateway, signed, from the template, and is logged as an attempt")
    void sentThroughTheWebhook() throws Exception {
        long visit = visit();
        var queued = desk.post("/api/return-visits/" + visit + "/sms", Map.of());
        assertThat(queued.status()).as(queued.body()).isEqualTo(200);
        until(Instant.now(), () -> "SENT".equals(message(visit).path("state").asString()));
        assertThat(received).hasSize(1);
        Received r = received.getFirst();
        assertThat(r.signature()).isEqualTo(hmac(r.body()));
        assertThat(r.body()).contains("您好，工单GD").contains("\"to\":\"136");
        JsonNode detail = desk.get("/api/return-visits/" + visit).json();
        JsonNode attempt = detail.path("attempts").get(0);
        assertThat(attempt.path("channel").asString()).isEqualTo("SMS");
        assertThat(attempt.path("outcome").asString()).isEqualTo("SMS_SENT");
        assertThat(detail.path("visit").path("attempts").asInt()).isEqualTo(1);
        assertThat(agent.post("/api/return-visits/" + visit + "/sms", Map.of()).status()).isEqualTo(403);
        assertThat(desk.post("/api/return-visits/99999999/sms", Map.of()).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("SVC-6: quiet hours hold a message until call hours begin")
    void heldInQuietHours() throws Exception {
        LocalTime now = OffsetDateTime.now(ServiceFixtures.SH).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        LocalTime from = now.plusHours(2);
        LocalTime until = from.plusHours(1).isAfter(from) ? from.plusHours(1) : LocalTime.of(23, 59);
        long visit = visit();
        callHours(from.toString(), until.toString());
        assertThat(desk.post("/api/return-visits/" + visit + "/sms", Map.of()).status()).isEqualTo(200);
        JsonNode m = message(visit);
        assertThat(m.path("state").asString()).isEqualTo("QUEUED");
        Instant sendAt = OffsetDateTime.parse(m.path("sendAt").asString()).toInstant();
        assertThat(sendAt).isAfter(Instant.now().plus(Duration.ofMinutes(100)));
        assertThat(OffsetDateTime.ofInstant(sendAt, ServiceFixtures.SH).toLocalTime()).isEqualTo(from);
        assertThat(desk.post("/api/return-visits/" + visit + "/sms", Map.of()).code()).isEqualTo("sms-queued");
        runner.runDue(Instant.now());
        Thread.sleep(500);
        assertThat(received).isEmpty();
        assertThat(message(visit).path("state").asString()).isEqualTo("QUEUED");
        callHours("00:00", "23:59"); // call hours arrive
        until(sendAt, () -> "SENT".equals(message(visit).path("state").asString()));
        // messages queued in the quiet hours before this test (the demo's, before 08:00 Shanghai time) leave now too:
        // this visit's message was sent once
        String reference = "\"reference\":\"return-visit-sms-" + m.path("id").asLong() + "\"";
        assertThat(received.stream().filter(r -> r.body().contains(reference))).hasSize(1);
    }

    @Test
    @DisplayName("SVC-6: a refused delivery is kept with the gateway's answer, retried, then sent")
    void failureRetried() throws Exception {
        answer.set(500);
        long visit = visit();
        assertThat(desk.post("/api/return-visits/" + visit + "/sms", Map.of()).status()).isEqualTo(200);
        until(Instant.now(), () -> message(visit).path("tries").asInt() >= 1);
        JsonNode failed = message(visit);
        assertThat(failed.path("state").asString()).isEqualTo("QUEUED");
        assertThat(failed.path("lastError").asString()).contains("500").contains("quota");
        Instant retryAt = OffsetDateTime.parse(failed.path("sendAt").asString()).toInstant();
        assertThat(retryAt).isAfter(Instant.now());
        answer.set(200);
        until(retryAt, () -> "SENT".equals(message(visit).path("state").asString()));
        // messages other tests left queued may reach the gateway too: count this one's tries only
        String reference = "\"reference\":\"return-visit-sms-" + message(visit).path("id").asLong() + "\"";
        assertThat(received.stream().filter(r -> r.body().contains(reference))).hasSize(2);
        assertThat(message(visit).path("tries").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("SVC-6: a message that fails every try is given up, shown failed, and may be sent again")
    void givenUpAndResent() throws Exception {
        setting("service.return-visit.sms-max-tries", 1);
        try {
            answer.set(503);
            long visit = visit();
            assertThat(desk.post("/api/return-visits/" + visit + "/sms", Map.of()).status()).isEqualTo(200);
            until(Instant.now(), () -> "FAILED".equals(message(visit).path("state").asString()));
            long sms = message(visit).path("id").asLong();
            answer.set(200);
            var resent = desk.post("/api/return-visits/" + visit + "/sms/" + sms + "/resend", Map.of());
            assertThat(resent.status()).as(resent.body()).isEqualTo(200);
            until(Instant.now(), () -> "SENT".equals(message(visit).path("state").asString()));
            assertThat(desk.post("/api/return-visits/" + visit + "/sms/" + sms + "/resend", Map.of()).code()).isEqualTo("sms-not-failed");
        } finally {
            setting("service.return-visit.sms-max-tries", 5);
        }
    }
}

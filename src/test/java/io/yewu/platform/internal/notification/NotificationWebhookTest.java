package io.yewu.platform.internal.notification;

import com.sun.net.httpserver.HttpServer;
import io.yewu.platform.notification.Notice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationWebhookTest {

    @Test
    void PLT7_webhookPostsARobotTextMessageWithTitleBodyAndLink() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/robot", exchange -> {
            received.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            JsonMapper json = JsonMapper.builder().build();
            new WebhookChannel("http://localhost:" + server.getAddress().getPort() + "/robot", "https://yewu.example", json)
                    .send(new Notice(1, 1, 2, "approval.pending", "待您审批：订单 A-1", "Awaiting", "请处理", "Please", "/approvals/1"));
            JsonNode body = json.readTree(received.get(5, TimeUnit.SECONDS));
            assertThat(body.path("msgtype").asString()).isEqualTo("text");
            assertThat(body.path("text").path("content").asString())
                    .isEqualTo("待您审批：订单 A-1\n请处理\nhttps://yewu.example/approvals/1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void PLT7_anUnreachableWebhookIsLoggedNotThrown() {
        new WebhookChannel("http://localhost:9/none", "", JsonMapper.builder().build())
                .send(new Notice(1, 1, 2, "k", "t", "t", "", "", null));
    }
}

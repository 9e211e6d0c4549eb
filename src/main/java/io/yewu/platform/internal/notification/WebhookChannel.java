package io.yewu.platform.internal.notification;

import io.yewu.platform.notification.Notice;
import io.yewu.platform.notification.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts each notification to a group-robot webhook as a text message ({@code {"msgtype":"text","text":{"content":…}}},
 * the format WeCom and DingTalk robots both accept). On only when {@code yewu.notify.webhook.url} is set: a runtime
 * check, not a bean condition, so that the build's Spring AOT (decision 0046) does not fix it.
 */
@Component
class WebhookChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final URI url;
    private final String baseUrl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookChannel(@Value("${yewu.notify.webhook.url:}") String url,
                   @Value("${yewu.notify.webhook.app-url:}") String appUrl, JsonMapper json) {
        this.url = url.isBlank() ? null : URI.create(url.strip());
        this.baseUrl = appUrl;
        this.json = json;
    }

    @Override
    public boolean enabled() {
        return url != null;
    }

    @Override
    public void send(Notice notice) {
        String content = notice.titleZh()
                + (notice.bodyZh() == null || notice.bodyZh().isBlank() ? "" : "\n" + notice.bodyZh())
                + (notice.link() == null ? "" : "\n" + baseUrl + notice.link());
        String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content)));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn("Webhook answered {} for notification {}: {}", response.statusCode(), notice.id(), response.body());
            }
        } catch (IOException e) {
            log.warn("Webhook unreachable for notification {}: {}", notice.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

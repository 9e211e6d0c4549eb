package io.yewu.platform.internal.notification;

import io.yewu.platform.notification.TextMessageChannel;
import io.yewu.platform.settings.PlatformSettings;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text messages through an SMS gateway's webhook, configured per company by settings (URL, signing secret, header):
 * a JSON POST {@code {"to", "text", "reference", "sentAt"}} whose body is signed with HMAC-SHA256 (hex) in the
 * configured header. A 2xx answer is delivered; anything else, or no answer in 10 seconds, is not.
 */
@Component
class SmsWebhookChannel implements TextMessageChannel {

    private final Settings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SmsWebhookChannel(Settings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Outcome send(TextMessage message) {
        SettingsSnapshot s = settings.snapshotAt(clock.instant());
        String url = s.get(PlatformSettings.SMS_WEBHOOK_URL).strip();
        if (url.isEmpty()) return new Outcome(false, "短信网关未配置 / no SMS gateway configured");
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) return new Outcome(false, "invalid gateway URL: " + url);
        } catch (IllegalArgumentException e) {
            return new Outcome(false, "invalid gateway URL: " + url);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", message.phone());
        payload.put("text", message.text());
        payload.put("reference", message.reference());
        payload.put("sentAt", clock.instant().toString());
        String body = json.writeValueAsString(payload);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String secret = s.get(PlatformSettings.SMS_WEBHOOK_SECRET);
        String header = s.get(PlatformSettings.SMS_SIGNATURE_HEADER).strip();
        if (!secret.isEmpty() && !header.isEmpty()) request.header(header, sign(secret, body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String answer = response.statusCode() + " " + abbreviate(response.body());
            return new Outcome(response.statusCode() / 100 == 2, answer);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(false, abbreviate(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    /** HMAC-SHA256 of the body under the secret, lower-case hex: what the gateway recomputes to check the sender. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 500 ? text : text.substring(0, 500);
    }
}

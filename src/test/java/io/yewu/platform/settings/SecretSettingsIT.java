package io.yewu.platform.settings;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Decision 0037: a secret setting is changed like any other but its value is never answered, in any response. */
class SecretSettingsIT extends IntegrationTest {

    private static final String KEY = "notify.sms.webhook-secret";

    @Autowired
    Settings settings;

    @Test
    void PLT2_aSecretIsShownAsSetOrNotSetAndNeverItsValue() {
        Api admin = login("admin");
        String secret = "s3cret-" + System.nanoTime();
        String later = "later-" + System.nanoTime();
        long companyId = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());

        Api.Response changed = admin.post("/api/admin/settings/" + KEY, Map.of("value", secret));
        Api.Response scheduled = admin.post("/api/admin/settings/" + KEY, Map.of("value", later,
                "effectiveFrom", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0).toString()));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        // the code reads it as it is: the administrator changed it
        assertThat(CompanyContext.callAs(companyId, () -> settings.snapshotAt(Instant.now()).get(PlatformSettings.SMS_WEBHOOK_SECRET)))
                .isEqualTo(secret);
        JsonNode listed = setting(admin);
        assertThat(listed.path("secret").asBoolean()).isTrue();
        assertThat(listed.path("value").asString()).isEqualTo(SettingDefinition.SECRET_SET);
        assertThat(listed.path("scheduled").path("value").asString()).isEqualTo(SettingDefinition.SECRET_SET);
        assertThat(setting(login("admin").language("en")).path("value").asString()).isEqualTo(SettingDefinition.SECRET_SET);
        // an ordinary setting is still shown as it is
        assertThat(admin.get("/api/admin/settings").json().valueStream()
                .filter(s -> s.path("key").asString().equals("notify.sms.signature-header")).findFirst().orElseThrow()
                .path("secret").asBoolean()).isFalse();

        JsonNode history = admin.get("/api/admin/settings/" + KEY + "/history").json();
        assertThat(history.valueStream().map(r -> r.path("value").asString())).contains(SettingDefinition.SECRET_SET);
        JsonNode audit = admin.get("/api/admin/audit?entityType=setting&entityId=" + KEY + "&size=50").json();
        assertThat(audit.path("items").size()).isGreaterThanOrEqualTo(2);
        assertThat(audit.path("items").get(0).path("changes").path("value").path("new").asString()).isEqualTo(SettingDefinition.SECRET_SET);
        List<List<String>> export = Xlsx.download(port, admin, "/api/admin/audit/export?entityType=setting&entityId=" + KEY);
        assertThat(export).hasSizeGreaterThan(2);

        // cleared: shown as not set
        Api.Response cleared = admin.post("/api/admin/settings/" + KEY, Map.of("value", ""));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("value").asString()).isEmpty();
        JsonNode clearedAudit = admin.get("/api/admin/audit?entityType=setting&entityId=" + KEY + "&size=1").json();
        assertThat(clearedAudit.path("items").get(0).path("changes").path("value").path("old").asString()).isEqualTo(SettingDefinition.SECRET_SET);
        assertThat(clearedAudit.path("items").get(0).path("changes").path("value").path("new").asString()).isEmpty();

        for (String body : List.of(changed.body(), scheduled.body(), cleared.body(), admin.get("/api/admin/settings").body(),
                login("admin").language("en").get("/api/admin/settings").body(), history.toString(), audit.toString(),
                admin.get("/api/admin/audit?size=200").body(), export.toString())) {
            assertThat(body).doesNotContain(secret).doesNotContain(later);
        }
    }

    private JsonNode setting(Api api) {
        for (JsonNode s : api.get("/api/admin/settings").json()) if (s.path("key").asString().equals(KEY)) return s;
        throw new AssertionError("no setting " + KEY);
    }
}

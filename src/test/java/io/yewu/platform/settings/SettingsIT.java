package io.yewu.platform.settings;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsIT extends IntegrationTest {

    @Autowired
    Settings settings;

    @Test
    void PLT2_listShowsEverySettingWithMetadataAndDefaults() {
        JsonNode vat = setting(login("admin"), "money.vat-rate");
        assertThat(vat.path("type").asString()).isEqualTo("DECIMAL");
        assertThat(vat.path("nameZh").asString()).isEqualTo("增值税税率");
        assertThat(vat.path("ruleIds").get(0).asString()).isEqualTo("PLT-8");
        assertThat(vat.path("version").asLong()).isPositive();
        JsonNode reminder = setting(login("admin").language("en"), "approval.reminder-hours");
        assertThat(reminder.path("value").isNumber()).isTrue();
        assertThat(reminder.path("unit").asString()).isEqualTo("hours");
    }

    @Test
    void PLT2_aFutureDatedChangeAppliesToRecordsCreatedAfterIt() {
        Api admin = login("admin");
        long companyId = demoCompany();
        SettingsSnapshot before = CompanyContext.callAs(companyId, () -> settings.snapshotAt(Instant.now()));
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0);

        Api.Response r = admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", 48, "effectiveFrom", from.toString()));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        SettingsSnapshot now = CompanyContext.callAs(companyId, () -> settings.snapshotAt(Instant.now()));
        SettingsSnapshot later = CompanyContext.callAs(companyId, () -> settings.snapshotAt(from.toInstant().plusSeconds(1)));
        assertThat(now.get(PlatformSettings.APPROVAL_REMINDER)).isEqualTo(before.get(PlatformSettings.APPROVAL_REMINDER));
        assertThat(now.version()).isEqualTo(before.version());
        assertThat(later.get(PlatformSettings.APPROVAL_REMINDER)).isEqualTo(Duration.ofHours(48));
        assertThat(later.version()).isGreaterThan(before.version());
        // each moment gets the value in force then, whichever moment was asked just before (a snapshot is reused only
        // between one effective date and the next)
        for (int i = 0; i < 2; i++) {
            assertThat(CompanyContext.callAs(companyId, () -> settings.snapshotAt(from.toInstant().minusNanos(1000)))
                    .get(PlatformSettings.APPROVAL_REMINDER)).isEqualTo(before.get(PlatformSettings.APPROVAL_REMINDER));
            assertThat(CompanyContext.callAs(companyId, () -> settings.snapshotAt(from.toInstant()))
                    .get(PlatformSettings.APPROVAL_REMINDER)).isEqualTo(Duration.ofHours(48));
        }

        JsonNode history = admin.get("/api/admin/settings/approval.reminder-hours/history").json();
        assertThat(history.get(0).path("value").asInt()).isEqualTo(48);
        assertThat(history.get(0).path("changedByName").asString()).isEqualTo("系统管理员");
        assertThat(history.get(history.size() - 1).path("effectiveFrom").asString()).startsWith("1970-01-01T08:00");

        // the list shows the value in force and, beside it, the scheduled one with its time and who set it (待生效)
        JsonNode listed = setting(admin, "approval.reminder-hours");
        assertThat(listed.path("value").asInt()).isEqualTo(((Duration) before.get(PlatformSettings.APPROVAL_REMINDER)).toHours());
        assertThat(listed.path("scheduled").path("value").asInt()).isEqualTo(48);
        assertThat(OffsetDateTime.parse(listed.path("scheduled").path("effectiveFrom").asString()).toInstant()).isEqualTo(from.toInstant());
        assertThat(listed.path("scheduled").path("changedByName").asString()).isEqualTo("系统管理员");
        assertThat(r.json().path("scheduled").path("value").asInt()).isEqualTo(48);
    }

    @Test
    void PLT2_aChangeNowIsReadByTheNextSnapshotAndKeepsOldSnapshotsAsTheyWere() {
        Api admin = login("admin");
        long companyId = demoCompany();
        Instant earlier = Instant.now().minusSeconds(60);
        SettingsSnapshot old = CompanyContext.callAs(companyId, () -> settings.snapshotAt(earlier));
        JsonNode vat = setting(admin, "money.vat-rate");

        Api.Response r = admin.post("/api/admin/settings/money.vat-rate", Map.of("value", 0.09, "version", vat.path("version").asLong()));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("value").decimalValue()).isEqualByComparingTo("0.09");
        assertThat(r.json().path("changedByName").asString()).isEqualTo("系统管理员");
        assertThat(setting(admin, "money.vat-rate").path("changedByName").asString()).isEqualTo("系统管理员");
        SettingsSnapshot now = CompanyContext.callAs(companyId, () -> settings.snapshotAt(Instant.now()));
        assertThat(now.get(PlatformSettings.VAT_RATE)).isEqualByComparingTo("0.09");
        assertThat(now.version()).isEqualTo(r.json().path("version").asLong());
        SettingsSnapshot again = CompanyContext.callAs(companyId, () -> settings.snapshotAt(earlier));
        assertThat(again.get(PlatformSettings.VAT_RATE)).isEqualTo(old.get(PlatformSettings.VAT_RATE));
        assertThat(again.version()).isEqualTo(old.version());

        Api.Response stale = admin.post("/api/admin/settings/money.vat-rate", Map.of("value", 0.13, "version", vat.path("version").asLong()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version-conflict");
        admin.post("/api/admin/settings/money.vat-rate", Map.of("value", new BigDecimal("0.13")));
    }

    @Test
    void PLT2_badValuesAre422OnTheValueFieldInBothLanguages() {
        Api admin = login("admin");
        Api.Response type = admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", "soon"));
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.json().path("errors").get(0).path("field").asString()).isEqualTo("value");
        assertThat(type.json().path("errors").get(0).path("code").asString()).isEqualTo("setting-type");
        assertThat(type.json().path("errors").get(0).path("message").asString()).isEqualTo("应为小时数");

        Api.Response range = admin.language("en").post("/api/admin/settings/money.vat-rate", Map.of("value", 1.3));
        assertThat(range.status()).isEqualTo(422);
        assertThat(range.json().path("errors").get(0).path("code").asString()).isEqualTo("setting-range");
        assertThat(range.json().path("errors").get(0).path("message").asString()).isEqualTo("Must be between 0 and 0.5");
    }

    @Test
    void PLT2_unknownKeyIs404AndSalespeopleCannotTouchSettings() {
        Api.Response unknown = login("admin").post("/api/admin/settings/no.such", Map.of("value", 1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unknown-setting");
        assertThat(login("admin").get("/api/admin/settings/no.such/history").status()).isEqualTo(404);
        assertThat(login("sales1").get("/api/admin/settings").status()).isEqualTo(403);
        assertThat(login("sales1").post("/api/admin/settings/money.vat-rate", Map.of("value", 0.1)).status()).isEqualTo(403);
    }

    private JsonNode setting(Api api, String key) {
        for (JsonNode s : api.get("/api/admin/settings").json()) if (s.path("key").asString().equals(key)) return s;
        throw new AssertionError("no setting " + key);
    }

    private long demoCompany() {
        return asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
    }
}

package io.yewu.platform.internal.settings;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** PLT-2 administration (ADMIN role, enforced for /api/admin/** by the security chain). */
@Allow(RoleCode.ADMIN)
@RestController
@RequestMapping("/api/admin/settings")
class SettingsController {

    /** {@code value} in the JSON type the list answered with; {@code version} as read, to catch a concurrent change. */
    record SettingChange(JsonNode value, OffsetDateTime effectiveFrom, Long version) {}

    private final SettingsAdmin settings;

    SettingsController(SettingsAdmin settings) {
        this.settings = settings;
    }

    @GetMapping
    List<SettingsAdmin.SettingView> list(Locale locale) {
        return settings.current(locale);
    }

    @GetMapping("/{key}/history")
    List<SettingsAdmin.Revision> history(@PathVariable String key) {
        return settings.history(key);
    }

    @PostMapping("/{key}")
    SettingsAdmin.SettingView change(@PathVariable String key, @RequestBody SettingChange body, Locale locale) {
        return settings.change(key, plain(body.value()), body.effectiveFrom(), body.version(), locale);
    }

    /** Numbers as BigDecimal (never a binary double), booleans and strings as themselves. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isNumber()) return node.decimalValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isString()) return node.stringValue();
        return node.toString();
    }
}

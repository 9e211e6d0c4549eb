package io.yewu.platform.internal.settings;

import io.yewu.platform.settings.PlatformSettings;
import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class PlatformSettingCatalog implements SettingCatalog {

    @Override
    public List<SettingDefinition<?>> definitions() {
        return List.of(PlatformSettings.APPROVAL_REMINDER, PlatformSettings.VAT_RATE, PlatformSettings.SMS_WEBHOOK_URL,
                PlatformSettings.SMS_WEBHOOK_SECRET, PlatformSettings.SMS_SIGNATURE_HEADER);
    }
}

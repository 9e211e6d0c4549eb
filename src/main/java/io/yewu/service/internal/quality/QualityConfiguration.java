package io.yewu.service.internal.quality;

import io.yewu.platform.settings.SettingCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the QC settings (PLT-2) known to the platform, which lists, versions and audits them. */
@Configuration(proxyBeanMethods = false)
class QualityConfiguration {

    @Bean
    SettingCatalog qualitySettingCatalog() {
        return QcSettings::definitions;
    }
}

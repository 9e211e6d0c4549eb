package io.yewu.pricing.internal;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.pricing.internal.policy.PricingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the pricing settings (PLT-2) known to the platform, which lists, versions and audits them. */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

    @Bean
    SettingCatalog pricingSettingCatalog() {
        return PricingSettings::definitions;
    }
}

package io.yewu.order.internal;

import io.yewu.order.internal.policy.OrderSettings;
import io.yewu.platform.settings.SettingCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the order and settlement settings (PLT-2) known to the platform, which lists, versions and audits them. */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    SettingCatalog orderSettingCatalog() {
        return OrderSettings::definitions;
    }
}

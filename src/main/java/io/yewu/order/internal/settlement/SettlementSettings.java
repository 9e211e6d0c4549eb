package io.yewu.order.internal.settlement;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The settlement settings (PLT-2) beyond {@code OrderSettings}: the commission plan rate stands in for marketing's
 * commission plans (MKT-4), which are not built yet (decision 0016).
 */
@Configuration(proxyBeanMethods = false)
class SettlementSettings {

    static final SettingDefinition<BigDecimal> COMMISSION_BASE_RATE =
            SettingDefinition.of("order.commission.base-rate", SettingType.DECIMAL, new BigDecimal("0.03"))
                    .withRange(BigDecimal.ZERO, BigDecimal.ONE).withRules("COM-1")
                    .withName("提成比例（基础方案）", "Commission plan rate")
                    .withDescription("每笔回款按订单行分摊后乘以（该比例 − 特价降幅）计提成；0.03 即 3%。营销提成方案上线前所有业务员和品类通用。",
                            "Each receipt's share of an order line earns (this rate − the special-price reduction); 0.03 is 3 %. "
                                    + "One rate for every salesperson and category until marketing's commission plans exist.");

    @Bean
    SettingCatalog settlementSettingCatalog() {
        return () -> List.of(COMMISSION_BASE_RATE);
    }
}

package io.yewu.order.internal.policy;

import io.yewu.platform.settings.SettingDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The order settings carry the spec's defaults, a zh and en name and the rules that read them (PLT-2). */
class OrderRulesPolicyTest {

    @ParameterizedTest(name = "{2}: setting {0} defaults to {1}")
    @CsvSource({"order.home-city, 广州, ORD-2", "order.pay-on-delivery.min-total, 1500.00, ORD-3a",
            "order.existing.pay-on-delivery-home-city, true, ORD-3b", "order.deposit-share, 0.30, ORD-4",
            "order.credit.manager-above, 20000.00, ORD-5a", "order.credit.general-manager-above, 50000.00, ORD-5a",
            "order.credit.ladder-both, false, ORD-5a", "order.credit.new-customer-from, 20000.00, ORD-5b",
            "order.credit.hold-overdue-days, 30, ORD-5c", "order.delivery.promise-working-days, 4, ORD-7",
            "order.invoice.vat-min-amount, 5000.00, INV-1"})
    void settingsCarryTheSpecDefaults(String key, String expected, String rule) {
        SettingDefinition<?> d = OrderSettings.definitions().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        assertThat(d.defaultValue().toString()).isEqualTo(expected);
        assertThat(d.ruleIds()).contains(rule);
        assertThat(d.nameZh()).isNotEqualTo(key).isNotBlank();
        assertThat(d.nameEn()).isNotEqualTo(key).isNotBlank();
        assertThat(d.descriptionZh()).isNotBlank();
        assertThat(d.descriptionEn()).isNotBlank();
    }

    @Test
    void PLT8_vatRateComesFromThePlatformSetting() {
        assertThat(OrderRules.defaults().vatRate()).isEqualByComparingTo(new BigDecimal("0.13"));
    }
}

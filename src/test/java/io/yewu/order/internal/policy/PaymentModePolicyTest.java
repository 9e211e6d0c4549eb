package io.yewu.order.internal.policy;

import io.yewu.order.PaymentMode;
import io.yewu.order.internal.policy.CustomerFacts.CreditTerms;
import io.yewu.platform.settings.SettingsSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentModePolicyTest {

    private final PaymentModePolicy policy = new PaymentModePolicy();
    private final OrderRules rules = OrderRules.defaults();

    @ParameterizedTest(name = "ORD-3a: new customer in {0}, total {1} -> {2}")
    @CsvSource({"广州, 1499.99, PAY_BEFORE_SHIPMENT", "广州, 1500.00, PAY_ON_DELIVERY", "佛山, 8000.00, PAY_BEFORE_SHIPMENT",
            "广州市, 1500.00, PAY_ON_DELIVERY", "' 广州 ', 99999.00, PAY_ON_DELIVERY", "佛山, 1500.00, PAY_BEFORE_SHIPMENT",
            "广州, 0.01, PAY_BEFORE_SHIPMENT"})
    void ORD3a_newCustomerPaymentMode(String city, BigDecimal total, PaymentMode expected) {
        var d = policy.decide(total, new CustomerFacts(true, city, null), rules);
        assertThat(d.outcome().mode()).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly("ORD-3a");
    }

    @ParameterizedTest(name = "ORD-3a: minimum set to {0}, new customer in 广州, total {1} -> {2}")
    @CsvSource({"2000.00, 1500.00, PAY_BEFORE_SHIPMENT", "2000.00, 2000.00, PAY_ON_DELIVERY", "1000.00, 1000.00, PAY_ON_DELIVERY"})
    void ORD3a_minimumIsASetting(BigDecimal min, BigDecimal total, PaymentMode expected) {
        var changed = OrderRules.from(SettingsSnapshot.defaults().with(OrderSettings.PAY_ON_DELIVERY_MIN_TOTAL, min));
        assertThat(policy.decide(total, new CustomerFacts(true, "广州", null), changed).outcome().mode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ORD-3a: home city set to {0}, new customer in {1}, total 1500.00 -> {2}")
    @CsvSource({"佛山, 佛山, PAY_ON_DELIVERY", "佛山, 广州, PAY_BEFORE_SHIPMENT"})
    void ORD2_homeCityIsASetting(String home, String city, PaymentMode expected) {
        var changed = OrderRules.from(SettingsSnapshot.defaults().with(OrderSettings.HOME_CITY, home));
        assertThat(policy.decide(new BigDecimal("1500.00"), new CustomerFacts(true, city, null), changed).outcome().mode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ORD-3b: existing customer in {0}, pay on delivery at home {1}, total {2} -> {3}")
    @CsvSource({"广州, true, 100.00, PAY_ON_DELIVERY", "佛山, true, 100000.00, PAY_BEFORE_SHIPMENT",
            "广州, false, 100.00, PAY_BEFORE_SHIPMENT"})
    void ORD3b_existingCustomerWithoutCredit(String city, boolean onDelivery, BigDecimal total, PaymentMode expected) {
        var changed = OrderRules.from(SettingsSnapshot.defaults().with(OrderSettings.EXISTING_PAY_ON_DELIVERY, onDelivery));
        var d = policy.decide(total, new CustomerFacts(false, city, null), changed);
        assertThat(d.outcome().mode()).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly("ORD-3b");
    }

    @ParameterizedTest(name = "ORD-3c: {0} customer with {1} credit days -> {2}")
    @CsvSource({"true, 30, CREDIT", "false, 60, CREDIT", "false, 0, PAY_ON_DELIVERY"})
    void ORD3c_creditCustomersShipOnCredit(boolean isNew, int days, PaymentMode expected) {
        var d = policy.decide(new BigDecimal("5000.00"), new CustomerFacts(isNew, "广州", new CreditTerms(days, new BigDecimal("100000.00"))), rules);
        assertThat(d.outcome().mode()).isEqualTo(expected);
        if (expected == PaymentMode.CREDIT) assertThat(d.outcome().creditDays()).isEqualTo(days);
    }

    @Test
    void ORD3a_hitsCarryTheRuleIdTheInputsAndTheSettingsVersion() {
        var d = policy.decide(new BigDecimal("1500.00"), new CustomerFacts(true, "广州", null),
                OrderRules.from(new SettingsSnapshot(17, Map.of())));
        assertThat(d.settingsVersion()).isEqualTo(17);
        assertThat(d.hits()).singleElement().satisfies(h -> {
            assertThat(h.ruleId()).isEqualTo("ORD-3a");
            assertThat(h.zh()).contains("货到付款");
            assertThat(h.en()).contains("pay on delivery");
            assertThat(h.inputs()).containsEntry("city", "广州").containsEntry("homeCity", "广州")
                    .containsEntry("total", new BigDecimal("1500.00")).containsEntry("payOnDeliveryMinTotal", new BigDecimal("1500.00"));
        });
    }
}

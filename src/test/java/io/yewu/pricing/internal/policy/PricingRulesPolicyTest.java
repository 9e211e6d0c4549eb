package io.yewu.pricing.internal.policy;

import io.yewu.platform.settings.SettingDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pricing settings carry the spec's defaults, a zh and en name and the rules that read them (PLT-2). */
class PricingRulesPolicyTest {

    @ParameterizedTest(name = "{2}: setting {0} defaults to {1}")
    @CsvSource({"pricing.no-vat-allowance, 0.06, PRC-5", "pricing.hard-floor, 0.90, PRC-7",
            "pricing.quote-request.answer-hours, PT24H, PRC-3", "pricing.fee.payable-after-payment, true, PRC-8",
            "pricing.quote.validity-days, 30, PRC-10"})
    void settingsCarryTheSpecDefaults(String key, String expected, String rule) {
        SettingDefinition<?> d = PricingSettings.definitions().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        assertThat(d.defaultValue().toString()).isEqualTo(expected);
        assertThat(d.ruleIds()).contains(rule);
        assertThat(d.nameZh()).isNotEqualTo(key).isNotBlank();
        assertThat(d.nameEn()).isNotEqualTo(key).isNotBlank();
        assertThat(d.descriptionZh()).isNotBlank();
        assertThat(d.descriptionEn()).isNotBlank();
    }
}

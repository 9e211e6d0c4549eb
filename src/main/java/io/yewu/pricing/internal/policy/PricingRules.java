package io.yewu.pricing.internal.policy;

import io.yewu.platform.settings.PlatformSettings;
import io.yewu.platform.settings.SettingsSnapshot;

import java.math.BigDecimal;
import java.time.Duration;

/** The pricing settings in force at one instant, as the policies read them. */
public record PricingRules(BigDecimal noVatAllowance, BigDecimal hardFloor, Duration quoteRequestAnswer,
                           boolean feePayableAfterPayment, long quoteValidityDays, BigDecimal vatRate,
                           long settingsVersion) {

    public static PricingRules from(SettingsSnapshot s) {
        return new PricingRules(s.get(PricingSettings.NO_VAT_ALLOWANCE), s.get(PricingSettings.HARD_FLOOR),
                s.get(PricingSettings.QUOTE_REQUEST_ANSWER), s.get(PricingSettings.FEE_PAYABLE_AFTER_PAYMENT),
                s.get(PricingSettings.QUOTE_VALIDITY_DAYS), s.get(PlatformSettings.VAT_RATE), s.version());
    }

    /** The defaults of the spec, for tests and a company that never changed a setting. */
    public static PricingRules defaults() {
        return from(SettingsSnapshot.defaults());
    }
}

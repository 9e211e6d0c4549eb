package io.yewu.pricing.internal.policy;

import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The thresholds of spec 02 marked *(setting)* (PLT-2), keys {@code pricing.*}. */
public final class PricingSettings {

    public static final SettingDefinition<BigDecimal> NO_VAT_ALLOWANCE =
            SettingDefinition.of("pricing.no-vat-allowance", SettingType.DECIMAL, new BigDecimal("0.06"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("0.5")).withRules("PRC-5", "PRC-6")
                    .withName("不开增值税发票最多下浮", "No-VAT allowance below the guide price")
                    .withDescription("不开增值税专用发票的客户可在指导价上最多下浮的比例，0.06 即 6%。",
                            "How far below the guide price a customer taking no VAT special invoice may be quoted; 0.06 is 6 %.");
    public static final SettingDefinition<BigDecimal> HARD_FLOOR =
            SettingDefinition.of("pricing.hard-floor", SettingType.DECIMAL, new BigDecimal("0.90"))
                    .withRange(BigDecimal.ZERO, BigDecimal.ONE).withRules("PRC-7")
                    .withName("最低售价（指导价的比例）", "Hard floor (share of the guide price)")
                    .withDescription("净价低于指导价乘以该比例的报价被拒绝，任何审批都不能放行，0.90 即 90%。",
                            "A net price below the guide price times this share is refused; no approval can allow it. 0.90 is 90 %.");
    public static final SettingDefinition<Duration> QUOTE_REQUEST_ANSWER =
            SettingDefinition.of("pricing.quote-request.answer-hours", SettingType.DURATION_HOURS, Duration.ofHours(24))
                    .withRange(Duration.ofHours(1), Duration.ofHours(240)).withUnit("小时", "hours").withRules("PRC-3")
                    .withName("非标产品报价答复期限", "Time to answer a quote request")
                    .withDescription("非标产品询价须在该时长内给出指导价，逾期升级给业务经理。",
                            "A non-standard item's quote request must be answered within this time; an overdue one goes to the business manager.");
    public static final SettingDefinition<Boolean> FEE_PAYABLE_AFTER_PAYMENT =
            SettingDefinition.of("pricing.fee.payable-after-payment", SettingType.BOOLEAN, true).withRules("PRC-8")
                    .withName("公关费用在客户付款后支付", "Deal fees payable once the customer has paid")
                    .withDescription("成交所附的公关或其他费用记为营销费用，客户付款后方可支付。",
                            "A deal's PR or other fee is a marketing expense payable only once the customer has paid.");
    public static final SettingDefinition<Long> QUOTE_VALIDITY_DAYS =
            SettingDefinition.of("pricing.quote.validity-days", SettingType.INTEGER, 30L)
                    .withRange(1L, 365L).withUnit("天", "days").withRules("PRC-10")
                    .withName("报价单有效期", "Quote validity")
                    .withDescription("报价单自出具之日起在该天数内有效，过期不能转为订单。",
                            "A quote is valid for this many days from its date; an expired quote cannot become an order.");

    private PricingSettings() {}

    public static List<SettingDefinition<?>> definitions() {
        return List.of(NO_VAT_ALLOWANCE, HARD_FLOOR, QUOTE_REQUEST_ANSWER, FEE_PAYABLE_AFTER_PAYMENT, QUOTE_VALIDITY_DAYS);
    }
}

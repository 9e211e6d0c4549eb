package io.yewu.platform.settings;

import java.math.BigDecimal;
import java.time.Duration;

/** The platform's own settings (spec 00). */
public final class PlatformSettings {

    /** PLT-3: an approval step still pending this long reminds its approver. */
    public static final SettingDefinition<Duration> APPROVAL_REMINDER =
            SettingDefinition.of("approval.reminder-hours", SettingType.DURATION_HOURS, Duration.ofHours(24))
                    .withRange(Duration.ofHours(1), Duration.ofHours(720))
                    .withUnit("小时", "hours")
                    .withName("审批催办间隔", "Approval reminder after")
                    .withDescription("审批步骤待办超过该时长后提醒审批人。", "Remind the approver when a step has waited this long.")
                    .withRules("PLT-3");

    /** PLT-8: VAT rate as a fraction (0.13 is 13 %). */
    public static final SettingDefinition<BigDecimal> VAT_RATE =
            SettingDefinition.of("money.vat-rate", SettingType.DECIMAL, new BigDecimal("0.13"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("0.5"))
                    .withName("增值税税率", "VAT rate")
                    .withDescription("含税价与不含税价换算所用的税率，0.13 即 13%。",
                            "Rate between tax-inclusive and net prices; 0.13 means 13 %.")
                    .withRules("PLT-8");

    private PlatformSettings() {}
}

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

    /** PLT-7: the SMS gateway's webhook (per company); empty: no text messages are sent. */
    public static final SettingDefinition<String> SMS_WEBHOOK_URL =
            SettingDefinition.of("notify.sms.webhook-url", SettingType.STRING, "")
                    .withName("短信网关地址", "SMS gateway webhook URL")
                    .withDescription("短信以 JSON 格式发送到该地址；留空则不发送短信。", "Text messages are sent to this address as JSON; empty: none are sent.")
                    .withRules("PLT-7");

    /** PLT-7: the shared secret the body is signed with (HMAC-SHA256, hex). */
    public static final SettingDefinition<String> SMS_WEBHOOK_SECRET =
            SettingDefinition.of("notify.sms.webhook-secret", SettingType.STRING, "")
                    .withName("短信网关签名密钥", "SMS gateway signing secret")
                    .withDescription("用该密钥对请求体做 HMAC-SHA256 签名，网关据此验证来源。",
                            "The request body is signed with HMAC-SHA256 under this secret so the gateway can check the sender.")
                    .withRules("PLT-7")
                    .asSecret();

    /** PLT-7: the request header that carries the signature. */
    public static final SettingDefinition<String> SMS_SIGNATURE_HEADER =
            SettingDefinition.of("notify.sms.signature-header", SettingType.STRING, "X-Yewu-Signature")
                    .withName("短信签名请求头", "SMS signature header")
                    .withRules("PLT-7");

    private PlatformSettings() {}
}

package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.TicketType;
import io.yewu.service.internal.ServiceSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SVC-3 限时办结: a question not answered at first contact needs a promised reply time after receipt and no later
 * than receipt plus its type's limit (setting per type, counted as the ticket clock counts).
 */
public final class PromisePolicy {

    public enum Verdict { FIRST_CONTACT, ACCEPTED, MISSING, NOT_AFTER_RECEIPT, BEYOND_LIMIT }

    private PromisePolicy() {}

    public static Decision<Verdict> decide(TicketType type, Instant receivedAt, boolean answeredNow, Instant promisedAt,
                                           TicketClock clock, SettingsSnapshot settings) {
        Duration limit = settings.get(ServiceSettings.REPLY_LIMIT.get(type));
        Instant deadline = clock.plus(receivedAt, limit);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("type", type.name());
        inputs.put("receivedAt", receivedAt.toString());
        inputs.put("limitHours", limit.toSeconds() / 3600.0);
        inputs.put("basis", clock.basis());
        inputs.put("deadline", deadline.toString());
        if (answeredNow) {
            return Decision.of(Verdict.FIRST_CONTACT, settings.version(), new RuleHit("SVC-3",
                    "首次接触即答复，工单当即办结（首问解决）", "Answered during the first contact: closed at once (first-contact resolution)", inputs));
        }
        if (promisedAt == null) {
            return Decision.of(Verdict.MISSING, settings.version(), new RuleHit("SVC-3",
                    "未当场答复的问题须登记明确答复时间", "A question not answered at once needs a promised reply time", inputs));
        }
        inputs.put("promisedAt", promisedAt.toString());
        if (!promisedAt.isAfter(receivedAt)) {
            return Decision.of(Verdict.NOT_AFTER_RECEIPT, settings.version(), new RuleHit("SVC-3",
                    "答复时间须晚于受理时间", "The promised time must be after receipt", inputs));
        }
        if (promisedAt.isAfter(deadline)) {
            return Decision.of(Verdict.BEYOND_LIMIT, settings.version(), new RuleHit("SVC-3",
                    "承诺答复时间超过该类型时限（受理后" + hours(limit) + "小时）",
                    "The promised time is beyond the type's limit (" + hours(limit) + " h after receipt)", inputs));
        }
        return Decision.of(Verdict.ACCEPTED, settings.version(), new RuleHit("SVC-3",
                "承诺答复时间在该类型时限内（受理后" + hours(limit) + "小时）",
                "The promised time is within the type's limit (" + hours(limit) + " h after receipt)", inputs));
    }

    static String hours(Duration d) {
        return java.math.BigDecimal.valueOf(d.toSeconds()).divide(java.math.BigDecimal.valueOf(3600), 2,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

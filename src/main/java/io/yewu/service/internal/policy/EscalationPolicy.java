package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.service.TicketType;

import java.util.Map;

/**
 * SVC-4 escalation: who a ticket goes to when a timer fires or an agent escalates it at once. Levels only rise.
 */
public final class EscalationPolicy {

    public enum Level { NONE, SHIFT_LEAD, SERVICE_DIRECTOR, MARKETING_DIRECTOR }

    public enum Timer { REMIND, OVERDUE, DIRECTOR }

    private EscalationPolicy() {}

    /** The level after a timer fires; REMIND leaves the level as it is. */
    public static Decision<Level> onTimer(Timer timer, Level current, TicketType type, boolean marketingLevel, long settingsVersion) {
        Map<String, Object> in = Map.of("timer", timer.name(), "current", current.name(), "type", type.name(),
                "marketingLevel", marketingLevel);
        return switch (timer) {
            case REMIND -> Decision.of(current, settingsVersion, new RuleHit("SVC-4",
                    "答复时限即将到期，提醒首问责任人和承办人", "The reply time is running out: owner and assignees reminded", in));
            case OVERDUE -> Decision.of(max(current, Level.SHIFT_LEAD), settingsVersion, new RuleHit("SVC-4",
                    "已超过承诺答复时间，工单超时并升级至值班长", "The promised time has passed: overdue, escalated to the shift lead", in));
            case DIRECTOR -> type == TicketType.COMPLAINT && marketingLevel
                    ? Decision.of(max(current, Level.MARKETING_DIRECTOR), settingsVersion,
                    new RuleHit("SVC-4", "超时后仍未办结，升级至客服主任", "Still open after the overdue period: escalated to the service director", in),
                    new RuleHit("SVC-4", "营销层面的投诉（价格、货源、重点客户）由客服主任升级至营销总监",
                            "A marketing-level complaint (pricing, supply, key account) goes on to the marketing director", in))
                    : Decision.of(max(current, Level.SERVICE_DIRECTOR), settingsVersion, new RuleHit("SVC-4",
                    "超时后仍未办结，升级至客服主任", "Still open after the overdue period: escalated to the service director", in));
        };
    }

    /** An agent escalates at once what it cannot handle: to the shift lead, or one level up. */
    public static Decision<Level> immediate(Level current, TicketType type, boolean marketingLevel, long settingsVersion) {
        Level next = switch (current) {
            case NONE -> Level.SHIFT_LEAD;
            case SHIFT_LEAD -> Level.SERVICE_DIRECTOR;
            case SERVICE_DIRECTOR, MARKETING_DIRECTOR -> type == TicketType.COMPLAINT && marketingLevel
                    ? Level.MARKETING_DIRECTOR : Level.SERVICE_DIRECTOR;
        };
        return Decision.of(next, settingsVersion, new RuleHit("SVC-4", "无法处理的问题可立即升级一级",
                "What cannot be handled may be escalated one level at once",
                Map.of("current", current.name(), "next", next.name(), "marketingLevel", marketingLevel)));
    }

    static Level max(Level a, Level b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

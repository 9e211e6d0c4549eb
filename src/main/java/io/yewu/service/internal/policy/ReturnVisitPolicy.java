package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.TicketType;
import io.yewu.service.internal.ServiceSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** SVC-6 … SVC-8: when a return visit is due, when a call may be placed, and how a visit may close. */
public final class ReturnVisitPolicy {

    public enum Reason { COMPLAINT, RESOLVED_BY_OTHER }

    public record Due(Reason reason, Instant dueAt) {}

    public enum Result { SOLVED, NOT_SOLVED, UNREACHABLE, WRONG_CONTACT }

    public enum CloseVerdict { CLOSE, REOPEN, NEEDS_SATISFACTION, TOO_FEW_ATTEMPTS, NO_WRONG_NUMBER }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ReturnVisitPolicy() {}

    /** SVC-6: every complaint and every ticket resolved by someone other than its owner gets a visit within 72 h. */
    public static Decision<Optional<Due>> onResolution(TicketType type, long ownerId, long resolvedBy, Instant resolvedAt,
                                                       SettingsSnapshot settings) {
        Duration within = settings.get(ServiceSettings.RETURN_VISIT_WITHIN);
        Instant due = resolvedAt.plus(within);
        Map<String, Object> in = Map.of("type", type.name(), "ownerId", ownerId, "resolvedBy", resolvedBy,
                "withinHours", within.toSeconds() / 3600.0, "dueAt", due.toString());
        if (type == TicketType.COMPLAINT) {
            return Decision.of(Optional.of(new Due(Reason.COMPLAINT, due)), settings.version(), new RuleHit("SVC-6",
                    "每一件投诉办结后都须回访（" + PromisePolicy.hours(within) + "小时内）",
                    "Every complaint gets a return visit (within " + PromisePolicy.hours(within) + " h)", in));
        }
        if (resolvedBy != ownerId) {
            return Decision.of(Optional.of(new Due(Reason.RESOLVED_BY_OTHER, due)), settings.version(), new RuleHit("SVC-6",
                    "由首问责任人以外的人员或部门办结，须回访（" + PromisePolicy.hours(within) + "小时内）",
                    "Resolved by someone other than its owner: return visit due (within " + PromisePolicy.hours(within) + " h)", in));
        }
        return Decision.of(Optional.empty(), settings.version(), new RuleHit("SVC-6",
                "由首问责任人本人办结的非投诉工单无需回访", "A non-complaint resolved by its owner needs no return visit", in));
    }

    /** SVC-6 quiet hours: calls only between 09:00 and 20:00 (settings). */
    public static Decision<Boolean> mayCall(Instant at, SettingsSnapshot settings) {
        LocalTime from = settings.get(ServiceSettings.CALLS_FROM);
        LocalTime until = settings.get(ServiceSettings.CALLS_UNTIL);
        LocalTime local = at.atZone(ZONE).toLocalTime();
        boolean ok = !local.isBefore(from) && local.isBefore(until);
        Map<String, Object> in = Map.of("at", local.toString(), "from", from.toString(), "until", until.toString());
        return Decision.of(ok, settings.version(), ok
                ? new RuleHit("SVC-6", "在允许外呼时段内（" + from + "–" + until + "）", "Within call hours (" + from + "–" + until + ")", in)
                : new RuleHit("SVC-6", "免打扰时段不得外呼（仅限" + from + "–" + until + "）", "No calls in quiet hours (only " + from + "–" + until + ")", in));
    }

    /** SVC-7 / SVC-8: whether a visit may close with this result. */
    public static Decision<CloseVerdict> close(Result result, Integer satisfaction, int failedAttempts, boolean wrongNumberSeen,
                                               SettingsSnapshot settings) {
        long max = settings.get(ServiceSettings.MAX_ATTEMPTS);
        Map<String, Object> in = Map.of("result", result.name(), "failedAttempts", failedAttempts, "maxAttempts", max,
                "wrongNumberSeen", wrongNumberSeen);
        return switch (result) {
            case SOLVED, NOT_SOLVED -> {
                if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
                    yield Decision.of(CloseVerdict.NEEDS_SATISFACTION, settings.version(), new RuleHit("SVC-7",
                            "回访须记录是否解决及满意度（五级）", "A visit records whether solved and the satisfaction (five levels)", in));
                }
                yield result == Result.SOLVED
                        ? Decision.of(CloseVerdict.CLOSE, settings.version(), new RuleHit("SVC-7", "客户确认问题已解决", "The customer confirms the problem is solved", in))
                        : Decision.of(CloseVerdict.REOPEN, settings.version(), new RuleHit("SVC-7",
                        "问题未解决：工单重新打开，书面反馈客服主任", "Not solved: the ticket reopens with written feedback to the service director", in));
            }
            case UNREACHABLE -> failedAttempts >= max
                    ? Decision.of(CloseVerdict.CLOSE, settings.version(), new RuleHit("SVC-8",
                    "已尝试" + failedAttempts + "次仍无法联系，按无法联系结案", "Unreachable after " + failedAttempts + " failed attempts", in))
                    : Decision.of(CloseVerdict.TOO_FEW_ATTEMPTS, settings.version(), new RuleHit("SVC-8",
                    "须失败" + max + "次后才能按无法联系结案（目前" + failedAttempts + "次）",
                    "Unreachable only after " + max + " failed attempts (" + failedAttempts + " so far)", in));
            case WRONG_CONTACT -> wrongNumberSeen
                    ? Decision.of(CloseVerdict.CLOSE, settings.version(), new RuleHit("SVC-8", "联系方式有误，按无法联系结案", "Wrong contact data: closed as unreachable", in))
                    : Decision.of(CloseVerdict.NO_WRONG_NUMBER, settings.version(), new RuleHit("SVC-8",
                    "须先记录一次“号码错误”的尝试", "First log an attempt that found the number wrong", in));
        };
    }
}

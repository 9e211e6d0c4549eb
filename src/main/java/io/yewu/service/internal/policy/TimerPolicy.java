package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * SVC-4 timers of a promise: a reminder at 75 % of the time from receipt to the promise (setting), overdue at the
 * promise (to the shift lead), and the service director when still open 24 h (setting) after it. All from the
 * settings in force at receipt, counted by the ticket clock.
 */
public final class TimerPolicy {

    public record Timers(Instant remindAt, Instant overdueAt, Instant directorAt) {}

    private TimerPolicy() {}

    public static Decision<Timers> timers(Instant receivedAt, Instant promisedAt, TicketClock clock, SettingsSnapshot settings) {
        long percent = settings.get(ServiceSettings.REMINDER_PERCENT);
        Duration span = clock.between(receivedAt, promisedAt);
        Instant remindAt = clock.plus(receivedAt, Duration.ofMillis(span.toMillis() * percent / 100));
        Duration after = settings.get(ServiceSettings.DIRECTOR_AFTER);
        Instant directorAt = clock.plus(promisedAt, after);
        return Decision.of(new Timers(remindAt, promisedAt, directorAt), settings.version(),
                new RuleHit("SVC-4", "时限用去" + percent + "%时提醒首问责任人和承办人",
                        "At " + percent + " % of the time the owner and assignees are reminded",
                        Map.of("receivedAt", receivedAt.toString(), "promisedAt", promisedAt.toString(),
                                "percent", percent, "remindAt", remindAt.toString(), "basis", clock.basis())),
                new RuleHit("SVC-4", "超过承诺时间即为超时，升级至值班长", "Past the promised time the ticket is overdue and goes to the shift lead",
                        Map.of("overdueAt", promisedAt.toString())),
                new RuleHit("SVC-4", "超时后仍未办结" + PromisePolicy.hours(after) + "小时，升级至客服主任",
                        "Still open " + PromisePolicy.hours(after) + " h after the promise, it goes to the service director",
                        Map.of("directorAt", directorAt.toString(), "afterHours", after.toSeconds() / 3600.0)));
    }
}

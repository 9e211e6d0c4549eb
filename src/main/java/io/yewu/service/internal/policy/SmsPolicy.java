package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * SVC-6 for text messages: quiet hours hold for an SMS as for a call (the call-hours settings), so a message queued
 * outside them waits for the next allowed moment; a failed delivery is retried with a growing pause (30 s, 1 min,
 * 2 min … at most an hour), each retry again outside quiet hours, until the tries setting is used up.
 */
public final class SmsPolicy {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private SmsPolicy() {}

    /** The earliest moment at or after {@code at} that is inside call hours. */
    public static Decision<Instant> sendAt(Instant at, SettingsSnapshot settings) {
        LocalTime from = settings.get(ServiceSettings.CALLS_FROM);
        LocalTime until = settings.get(ServiceSettings.CALLS_UNTIL);
        ZonedDateTime local = at.atZone(ZONE);
        LocalTime time = local.toLocalTime();
        Map<String, Object> in = Map.of("at", local.toLocalDateTime().toString(), "from", from.toString(), "until", until.toString());
        if (!time.isBefore(from) && time.isBefore(until)) {
            return Decision.of(at, settings.version(), new RuleHit("SVC-6",
                    "在允许时段内（" + from + "–" + until + "），短信立即发送", "Within call hours (" + from + "–" + until + "): sent now", in));
        }
        ZonedDateTime next = time.isBefore(from) ? local.with(from) : local.plusDays(1).with(from);
        return Decision.of(next.toInstant(), settings.version(), new RuleHit("SVC-6",
                "免打扰时段不发短信，排队至 " + next.toLocalDateTime().toString().replace('T', ' ') + " 发送",
                "No messages in quiet hours; queued until " + next.toLocalDateTime().toString().replace('T', ' '), in));
    }

    /** After the {@code tries}-th failed delivery at {@code failedAt}: when to try again, or empty to give up. */
    public static Decision<Optional<Instant>> retry(int tries, Instant failedAt, SettingsSnapshot settings) {
        long max = settings.get(ServiceSettings.SMS_MAX_TRIES);
        Map<String, Object> in = Map.of("tries", tries, "maxTries", max);
        if (tries >= max) {
            return Decision.of(Optional.empty(), settings.version(), new RuleHit("SVC-6",
                    "已发送失败 " + tries + " 次，达到上限，不再重试", "Failed " + tries + " times, the limit: no more tries", in));
        }
        Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(tries - 1, 20));
        if (pause.compareTo(LONGEST_RETRY) > 0) pause = LONGEST_RETRY;
        Instant at = sendAt(failedAt.plus(pause), settings).outcome();
        return Decision.of(Optional.of(at), settings.version(), new RuleHit("SVC-6",
                "发送失败（第 " + tries + " 次），" + pause.toSeconds() + " 秒后（且不在免打扰时段）重试",
                "Delivery failed (try " + tries + "); retried after " + pause.toSeconds() + " s, outside quiet hours", in));
    }
}

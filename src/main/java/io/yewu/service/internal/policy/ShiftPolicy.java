package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * SVC-10: which rostered shift is on at an instant. The day shift runs from its start to the night shift's start;
 * the night shift from there to the next day shift, so the hours after midnight belong to the previous day's night
 * shift (its roster row is the day it began).
 */
public final class ShiftPolicy {

    public enum Shift { DAY, NIGHT }

    public record Current(LocalDate rosterDay, Shift shift) {}

    /** The shift whose roll call (点名点评) the lead holds: its roster day, start and the roll-call time before it. */
    public record RollCall(LocalDate rosterDay, Shift shift, LocalDateTime startsAt, LocalDateTime rollCallAt) {}

    /** A shift stays the one to roll-call this long after it began (a roll call recorded a little late). */
    public static final Duration ROLL_CALL_GRACE = Duration.ofHours(1);

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShiftPolicy() {}

    public static Decision<Current> onShift(Instant at, SettingsSnapshot settings) {
        LocalTime dayStart = settings.get(ServiceSettings.DAY_SHIFT_START);
        LocalTime nightStart = settings.get(ServiceSettings.NIGHT_SHIFT_START);
        ZonedDateTime local = at.atZone(ZONE);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        Map<String, Object> in = Map.of("at", local.toLocalDateTime().toString(), "dayStart", dayStart.toString(),
                "nightStart", nightStart.toString());
        Current current;
        if (!time.isBefore(dayStart) && time.isBefore(nightStart)) current = new Current(today, Shift.DAY);
        else if (!time.isBefore(nightStart)) current = new Current(today, Shift.NIGHT);
        else current = new Current(today.minusDays(1), Shift.NIGHT);
        String zh = current.shift() == Shift.DAY
                ? "白班（" + dayStart + "–" + nightStart + "）：按 " + current.rosterDay() + " 的排班"
                : "夜班（" + nightStart + "–次日" + dayStart + "）：按 " + current.rosterDay() + " 的排班";
        String en = current.shift() == Shift.DAY
                ? "Day shift (" + dayStart + "–" + nightStart + "): the roster of " + current.rosterDay()
                : "Night shift (" + nightStart + "–" + dayStart + " next day): the roster of " + current.rosterDay();
        return Decision.of(current, settings.version(), new RuleHit("SVC-10", zh, en, in));
    }

    /**
     * SVC-10: the shift to roll-call at an instant: the next shift to begin, or the one on now during its first hour;
     * the roll call is its start less the setting (default 10 minutes), the lead arriving early for it.
     */
    public static Decision<RollCall> rollCall(Instant at, SettingsSnapshot settings) {
        LocalTime dayStart = settings.get(ServiceSettings.DAY_SHIFT_START);
        LocalTime nightStart = settings.get(ServiceSettings.NIGHT_SHIFT_START);
        long before = settings.get(ServiceSettings.ROLL_CALL_BEFORE);
        LocalDateTime now = at.atZone(ZONE).toLocalDateTime();
        RollCall pick = null;
        for (LocalDate d = now.toLocalDate().minusDays(1); pick == null; d = d.plusDays(1)) {
            for (Shift shift : Shift.values()) {
                LocalDateTime start = d.atTime(shift == Shift.DAY ? dayStart : nightStart);
                if (pick == null && start.isAfter(now.minus(ROLL_CALL_GRACE))) {
                    pick = new RollCall(d, shift, start, start.minusMinutes(before));
                }
            }
        }
        String shiftZh = pick.shift() == Shift.DAY ? "白班" : "夜班";
        String shiftEn = pick.shift() == Shift.DAY ? "day shift" : "night shift";
        return Decision.of(pick, settings.version(), RuleHit.hit("SVC-10",
                pick.rosterDay() + " " + shiftZh + " " + pick.startsAt().toLocalTime() + " 开始，值班长提前 " + before + " 分钟于 "
                        + pick.rollCallAt().toLocalTime() + " 点名点评（班次开始一小时内仍为本班）。",
                "The " + shiftEn + " of " + pick.rosterDay() + " starts at " + pick.startsAt().toLocalTime() + "; the lead holds the roll call "
                        + before + " minutes before, at " + pick.rollCallAt().toLocalTime() + " (a shift stays the one to roll-call for its first hour).",
                "at", now.toString(), "dayStart", dayStart.toString(), "nightStart", nightStart.toString(), "minutesBefore", before));
    }
}

package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.internal.ServiceSettings;

import java.time.Instant;
import java.time.LocalDate;
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
}

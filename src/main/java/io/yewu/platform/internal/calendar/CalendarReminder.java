package io.yewu.platform.internal.calendar;

import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.security.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * PLT-4: reminds the administrators to enter a year's official holiday schedule. From 1 December a missing
 * schedule for the coming year is due (the State Council usually publishes it in November), and the current
 * year's stays due until it is entered. Each administrator gets a notification at most once a week per year (the
 * job runs daily) and the UI shows a banner for as long as the year is missing.
 */
@Component
class CalendarReminder implements CompanyJob {

    static final Duration REPEAT = Duration.ofDays(7);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final BusinessCalendar calendar;
    private final UserDirectory users;
    private final Notifier notifier;
    private final JdbcClient jdbc;

    CalendarReminder(BusinessCalendar calendar, UserDirectory users, Notifier notifier, JdbcClient jdbc) {
        this.calendar = calendar;
        this.users = users;
        this.notifier = notifier;
        this.jdbc = jdbc;
    }

    /** The years whose schedule is due on {@code today} and missing: the rule, without storage. */
    static List<Integer> missingYears(LocalDate today, IntPredicate published) {
        int last = today.getMonth() == Month.DECEMBER ? today.getYear() + 1 : today.getYear();
        return IntStream.rangeClosed(today.getYear(), last).filter(y -> !published.test(y)).boxed().toList();
    }

    /** The current company's missing years on {@code today} (the banner). */
    List<Integer> missingYears(LocalDate today) {
        var work = calendar.calendar();
        return missingYears(today, work::isPublished);
    }

    @Override
    public String name() {
        return "calendar.unpublished-reminder";
    }

    @Override
    public String cron() {
        return "0 0 9 * * *";
    }

    @Override
    @Transactional
    public void run(long companyId, Instant occurrence) {
        LocalDate today = LocalDate.ofInstant(occurrence, SHANGHAI);
        for (int year : missingYears(today)) {
            // one row per year and company: claimed only when no reminder went out in the last week
            int claimed = jdbc.sql("""
                    INSERT INTO calendar_reminder (company_id, year, last_notified_at) VALUES (:c, :y, :at)
                    ON CONFLICT (company_id, year) DO UPDATE SET last_notified_at = EXCLUDED.last_notified_at
                    WHERE calendar_reminder.last_notified_at <= :repeatBefore""")
                    .param("c", companyId).param("y", year).param("at", occurrence.atOffset(ZoneOffset.UTC))
                    .param("repeatBefore", occurrence.minus(REPEAT).atOffset(ZoneOffset.UTC)).update();
            if (claimed == 0) continue;
            for (long admin : users.withRole(RoleCode.ADMIN, null)) {
                notifier.notify(admin, "calendar.unpublished", year + " 年节假日安排尚未录入",
                        "The " + year + " holiday schedule has not been entered",
                        "国务院办公厅发布通知后，请在“节假日日历”中录入或导入 " + year + " 年的安排；在此之前按周一至周五上班计算。",
                        "Once the State Council publishes it, enter or import " + year + " in the business calendar; until then Monday to Friday count as working days.",
                        "/admin/calendar?year=" + year);
            }
        }
    }
}

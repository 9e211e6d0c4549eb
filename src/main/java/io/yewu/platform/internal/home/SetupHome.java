package io.yewu.platform.internal.home;

import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The administrator's home (工作台): what is still to set up in the company, timed work that failed, and whether
 * next year's working calendar is entered (PLT-4). Read-only, within the administrator's own company (the wall).
 */
@Component
class SetupHome {

    /** One line of the checklist: done or not, with the figure that says so; the UI names it and links to its page. */
    record Step(String key, boolean done, long count) {}

    record Failures(long jobRuns, long dueTasks) {}

    record CalendarYear(int year, boolean published) {}

    record View(String companyName, List<Step> checklist, Failures failures, CalendarYear nextYear, CalendarYear thisYear) {}

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    SetupHome(JdbcClient jdbc, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    View view(YewuPrincipal admin) {
        long c = admin.companyId();
        String name = jdbc.sql("SELECT name FROM company WHERE id = :c").param("c", c).query(String.class).optional().orElse("");
        long departments = count("SELECT count(*) FROM department WHERE company_id = :c", c);
        long users = count("SELECT count(*) FROM app_user WHERE company_id = :c AND active", c);
        // a new company starts with every default written in (DefaultSettings); a person's change names its author
        long settings = count("SELECT count(*) FROM setting_value WHERE company_id = :c AND changed_by IS NOT NULL", c);
        LocalDate today = LocalDate.now(clock.withZone(WorkCalendar.ZONE));
        WorkCalendar work = calendar.calendar();
        CalendarYear next = new CalendarYear(today.getYear() + 1, work.isPublished(today.getYear() + 1));
        CalendarYear current = new CalendarYear(today.getYear(), work.isPublished(today.getYear()));
        List<Step> checklist = List.of(
                new Step("company", !name.isBlank(), 1),
                // a company starts with one department; more means its structure was entered
                new Step("departments", departments > 1, departments),
                // the administrator alone is not a team yet
                new Step("users", users > 1, users),
                new Step("settings", settings > 0, settings),
                new Step("calendar", next.published() && current.published(), next.published() ? 1 : 0));
        Failures failures = new Failures(
                count("SELECT count(*) FROM job_run WHERE company_id = :c AND status <> 'DONE'", c),
                count("SELECT count(*) FROM due_task WHERE company_id = :c AND status IN ('PENDING', 'FAILED') AND last_error IS NOT NULL", c));
        return new View(name, checklist, failures, next, current);
    }

    private long count(String sql, long companyId) {
        return jdbc.sql(sql).param("c", companyId).query(Long.class).single();
    }
}

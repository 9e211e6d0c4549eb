package io.yewu.platform.internal.calendar;

import io.yewu.platform.calendar.CalendarDay;
import io.yewu.platform.calendar.WorkCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The calendar tables of one company. Every write bumps its revision so cached calendars on every node reload. */
@Component
class CalendarStore {

    private final JdbcClient jdbc;
    /** Told of each write, in the writing transaction (the node's cached calendar, {@link CachedBusinessCalendar}). */
    private volatile java.util.function.LongConsumer written = company -> { };

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void whenWritten(java.util.function.LongConsumer listener) {
        this.written = listener;
    }

    long revision(long company) {
        return jdbc.sql("SELECT revision FROM calendar_revision WHERE company_id = :c").param("c", company)
                .query(Long.class).optional().orElse(0L);
    }

    WorkCalendar load(long company) {
        List<CalendarDay> days = jdbc.sql("SELECT day, off, name FROM calendar_day WHERE company_id = :c")
                .param("c", company).query(CalendarStore::day).list();
        List<Integer> published = jdbc.sql("SELECT year FROM calendar_year WHERE company_id = :c AND published")
                .param("c", company).query(Integer.class).list();
        return new WorkCalendar(days, new HashSet<>(published));
    }

    List<CalendarDay> days(long company, int year) {
        return jdbc.sql("""
                SELECT day, off, name FROM calendar_day
                WHERE company_id = :c AND day >= make_date(:y, 1, 1) AND day < make_date(:y + 1, 1, 1) ORDER BY day""")
                .param("c", company).param("y", year).query(CalendarStore::day).list();
    }

    Optional<CalendarDay> day(long company, LocalDate date) {
        return jdbc.sql("SELECT day, off, name FROM calendar_day WHERE company_id = :c AND day = :d")
                .param("c", company).param("d", date).query(CalendarStore::day).optional();
    }

    boolean published(long company, int year) {
        return jdbc.sql("SELECT published FROM calendar_year WHERE company_id = :c AND year = :y")
                .param("c", company).param("y", year).query(Boolean.class).optional().orElse(false);
    }

    void put(long company, CalendarDay day) {
        jdbc.sql("""
                INSERT INTO calendar_day (company_id, day, off, name) VALUES (:c, :d, :off, :name)
                ON CONFLICT (company_id, day) DO UPDATE SET off = excluded.off, name = excluded.name""")
                .param("c", company).param("d", day.date()).param("off", day.off()).param("name", day.name()).update();
        touch(company);
    }

    boolean remove(long company, LocalDate date) {
        int rows = jdbc.sql("DELETE FROM calendar_day WHERE company_id = :c AND day = :d")
                .param("c", company).param("d", date).update();
        touch(company);
        return rows > 0;
    }

    /** Replaces a year's exceptions with an official schedule and marks the year published. */
    void replaceYear(long company, int year, List<CalendarDay> days) {
        jdbc.sql("DELETE FROM calendar_day WHERE company_id = :c AND day >= make_date(:y, 1, 1) AND day < make_date(:y + 1, 1, 1)")
                .param("c", company).param("y", year).update();
        jdbc.sql("""
                INSERT INTO calendar_day (company_id, day, off, name)
                SELECT :c, d, o, n FROM unnest(CAST(:days AS date[]), CAST(:offs AS boolean[]), CAST(:names AS text[])) AS t (d, o, n)""")
                .param("c", company)
                .param("days", days.stream().map(d -> d.date().toString()).toArray(String[]::new))
                .param("offs", days.stream().map(CalendarDay::off).toArray(Boolean[]::new))
                .param("names", days.stream().map(CalendarDay::name).toArray(String[]::new))
                .update();
        publish(company, year);
    }

    void publish(long company, int year) {
        jdbc.sql("""
                INSERT INTO calendar_year (company_id, year, published) VALUES (:c, :y, true)
                ON CONFLICT (company_id, year) DO UPDATE SET published = true""")
                .param("c", company).param("y", year).update();
        touch(company);
    }

    private void touch(long company) {
        jdbc.sql("""
                INSERT INTO calendar_revision (company_id, revision) VALUES (:c, 1)
                ON CONFLICT (company_id) DO UPDATE SET revision = calendar_revision.revision + 1""")
                .param("c", company).update();
        written.accept(company);
    }

    private static CalendarDay day(ResultSet rs, int n) throws SQLException {
        return new CalendarDay(rs.getObject("day", LocalDate.class), rs.getBoolean("off"), rs.getString("name"));
    }
}

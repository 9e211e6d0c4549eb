package io.yewu.platform.internal.calendar;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.CalendarDay;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The administrator's calendar edits (PLT-4), each audited (PLT-6). */
@Service
class CalendarAdmin {

    record YearView(int year, boolean published, List<CalendarDay> days) {}

    private final CalendarStore store;
    private final AuditTrail audit;

    CalendarAdmin(CalendarStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    YearView year(int year) {
        long c = CachedBusinessCalendar.company();
        return new YearView(year, store.published(c, year), store.days(c, year));
    }

    @Transactional
    void put(CalendarDay day) {
        long c = CachedBusinessCalendar.company();
        Optional<CalendarDay> before = store.day(c, day.date());
        store.put(c, day);
        audit.record("calendar-day", day.date(), before.isPresent() ? "update" : "create", Changes.of()
                .put("off", before.map(CalendarDay::off).orElse(null), day.off())
                .put("name", before.map(CalendarDay::name).orElse(null), day.name()));
    }

    /** Back to the Monday–Friday default for that date. */
    @Transactional
    void remove(LocalDate date) {
        long c = CachedBusinessCalendar.company();
        Optional<CalendarDay> before = store.day(c, date);
        if (before.isEmpty()) return;
        store.remove(c, date);
        audit.record("calendar-day", date, "delete", Changes.of()
                .put("off", before.get().off(), null).put("name", before.get().name(), null));
    }

    @Transactional
    YearView publish(int year) {
        long c = CachedBusinessCalendar.company();
        if (!store.published(c, year)) {
            store.publish(c, year);
            audit.record("calendar-year", year, "publish", Changes.of().put("published", false, true));
        }
        return year(year);
    }

    /** Replaces the year's exceptions with the file's and marks the year published. */
    @Transactional
    YearView importFile(byte[] content) {
        HolidayFile file = HolidayFile.parse(content);
        long c = CachedBusinessCalendar.company();
        int before = store.days(c, file.year()).size();
        boolean wasPublished = store.published(c, file.year());
        store.replaceYear(c, file.year(), file.days());
        audit.record("calendar-year", file.year(), "import", Changes.of()
                .put("days", before, file.days().size()).put("published", wasPublished, true));
        return year(file.year());
    }
}

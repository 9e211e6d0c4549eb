package io.yewu.platform.internal.calendar;

import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.internal.db.CompanyCopies;
import io.yewu.platform.internal.db.DatabaseNotifications;
import io.yewu.platform.security.CompanyContext;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Keeps each company's calendar in memory until the database says it changed, as the settings are kept (decision
 * 0030): every calendar write bumps the company's revision, a trigger on {@code calendar_revision} notifies
 * {@code yewu_calendar} on commit, whichever node wrote it, and {@link DatabaseNotifications} drops that company's
 * copy. While the node is not listening, each call reads the revision (one primary-key read) and reloads the days
 * only when it moved. A transaction that writes the calendar reads the database from then on, and the node drops
 * its copy when that transaction ends, so the writer never waits for the notification. A copy loaded while a
 * change was being dropped is not kept (the epoch check). Decision 0042.
 */
@Service
class CachedBusinessCalendar implements BusinessCalendar, CompanyCopies.Owner {

    private record Cached(long revision, WorkCalendar calendar) {}

    private final CalendarStore store;
    private final DatabaseNotifications notifications;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final CompanyCopies copies = new CompanyCopies(cache::remove, cache::clear);

    CachedBusinessCalendar(CalendarStore store, DatabaseNotifications notifications) {
        this.store = store;
        this.notifications = notifications;
        store.whenWritten(copies::written);
    }

    @Override
    public WorkCalendar calendar() {
        long company = company();
        boolean written = copies.writtenInThisTransaction(company);
        Cached cached = cache.get(company);
        if (!written && cached != null && notifications.listening()) return cached.calendar();
        long before = copies.epoch();
        boolean listening = notifications.listening();
        // the revision is read before the days, so a calendar is never kept under a revision newer than its data
        long revision = store.revision(company);
        if (cached != null && cached.revision() == revision && !written) return keep(company, cached, before, listening);
        WorkCalendar calendar = store.load(company);
        Cached loaded = new Cached(revision, calendar);
        if (!written) keep(company, loaded, before, listening);
        return calendar;
    }

    /** Kept for later calls unless a change was dropped meanwhile; without notifications, kept to compare revisions. */
    private WorkCalendar keep(long company, Cached c, long epochBefore, boolean listening) {
        if (!listening || copies.unchangedSince(epochBefore)) cache.put(company, c);
        return c.calendar();
    }

    @Override
    public List<Integer> unpublishedYearsAhead(LocalDate today) {
        WorkCalendar calendar = calendar();
        return IntStream.rangeClosed(today.getYear(), today.getYear() + 1).filter(y -> !calendar.isPublished(y)).boxed().toList();
    }

    @Override
    public String channel() {
        return "yewu_calendar";
    }

    @Override
    public CompanyCopies copies() {
        return copies;
    }

    static long company() {
        Long c = CompanyContext.companyId();
        if (c == null) throw new IllegalStateException("the calendar is read within a company");
        return c;
    }
}

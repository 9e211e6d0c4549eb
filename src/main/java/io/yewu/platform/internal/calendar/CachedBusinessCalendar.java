package io.yewu.platform.internal.calendar;

import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.security.CompanyContext;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Keeps each company's calendar in memory with the revision it was read at; one primary-key read of the revision
 * per call tells whether any node has edited it since. The revision is read before the days, so a calendar is
 * never cached under a revision newer than its data.
 */
@Service
class CachedBusinessCalendar implements BusinessCalendar {

    private record Cached(long revision, WorkCalendar calendar) {}

    private final CalendarStore store;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    CachedBusinessCalendar(CalendarStore store) {
        this.store = store;
    }

    @Override
    public WorkCalendar calendar() {
        long company = company();
        long revision = store.revision(company);
        Cached cached = cache.get(company);
        if (cached != null && cached.revision() == revision) return cached.calendar();
        WorkCalendar calendar = store.load(company);
        cache.put(company, new Cached(revision, calendar));
        return calendar;
    }

    @Override
    public List<Integer> unpublishedYearsAhead(LocalDate today) {
        WorkCalendar calendar = calendar();
        return IntStream.rangeClosed(today.getYear(), today.getYear() + 1).filter(y -> !calendar.isPublished(y)).boxed().toList();
    }

    static long company() {
        Long c = CompanyContext.companyId();
        if (c == null) throw new IllegalStateException("the calendar is read within a company");
        return c;
    }
}

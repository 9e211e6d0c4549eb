package io.yewu.platform.calendar;

import java.time.LocalDate;
import java.util.List;

/** The current company's business calendar (PLT-4). */
public interface BusinessCalendar {

    /** The company's calendar as edited now; cheap to call (cached, checked against other nodes' edits). */
    WorkCalendar calendar();

    /**
     * This year and the next, where no official schedule is entered yet. Meant for a recurring job that reminds
     * the administrator to enter the State Council's notice once it appears (usually in November): until then
     * such a year counts Monday–Friday, and nothing guesses its holidays.
     */
    List<Integer> unpublishedYearsAhead(LocalDate today);
}

package io.yewu.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** An exception to Monday–Friday: a holiday ({@code off}) or a make-up workday, with its name (春节, 国庆节 …). */
public record CalendarDay(LocalDate date, boolean off, String name) {

    public CalendarDay {
        Objects.requireNonNull(date);
        name = name == null ? "" : name.trim();
    }
}

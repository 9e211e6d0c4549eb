package io.yewu.platform.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The official 2025 and 2026 schedules as shipped (spec 00 PLT-4), read from the same resource files new companies get. */
class WorkCalendarTest {

    static final WorkCalendar CAL = new WorkCalendar(shipped(2025, 2026), Set.of(2025, 2026));

    @ParameterizedTest(name = "PLT4: {0} is a working day: {1}")
    @CsvSource({
            "2025-01-01, false", // 元旦
            "2025-01-26, true",  // Sunday, make-up for 春节
            "2025-02-04, false", // last day of 春节
            "2025-02-08, true",  // Saturday, make-up
            "2025-04-27, true",  // Sunday, make-up for 劳动节
            "2025-05-05, false",
            "2025-06-02, false", // 端午节
            "2025-09-28, true",  // Sunday, make-up
            "2025-10-08, false", // 国庆节、中秋节
            "2025-10-09, true",
            "2025-10-11, true",  // Saturday, make-up
            "2025-10-12, false", // plain Sunday
            "2026-01-02, false",
            "2026-01-04, true",  // Sunday, make-up for 元旦
            "2026-02-14, true",  // Saturday, make-up for 春节
            "2026-02-16, false",
            "2026-02-23, false",
            "2026-02-24, true",
            "2026-02-28, true",  // Saturday, make-up
            "2026-05-09, true",
            "2026-06-19, false", // 端午节
            "2026-09-20, true",
            "2026-09-25, false", // 中秋节
            "2026-10-07, false",
            "2026-10-10, true",
            "2026-03-02, true",  // plain Monday
            "2026-03-07, false", // plain Saturday
    })
    void PLT4_officialSchedules(LocalDate date, boolean working) {
        assertThat(CAL.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "PLT4: {0} + {1} working days = {2}")
    @CsvSource({
            "2025-09-30, 1, 2025-10-09",  // across 国庆
            "2025-09-30, 2, 2025-10-10",
            "2025-09-30, 3, 2025-10-11",  // the make-up Saturday counts
            "2025-09-26, 1, 2025-09-28",  // Friday -> make-up Sunday
            "2025-10-09, -1, 2025-09-30",
            "2025-10-01, 0, 2025-10-01",
            "2026-02-13, 1, 2026-02-14",
            "2026-02-14, 1, 2026-02-24",  // across 春节
            "2026-02-24, -1, 2026-02-14",
            "2026-02-24, -2, 2026-02-13",
            "2027-03-05, 1, 2027-03-08",  // unpublished year: plain Mon–Fri
    })
    void PLT4_addWorkingDays(LocalDate from, int n, LocalDate expected) {
        assertThat(CAL.addWorkingDays(from, n)).isEqualTo(expected);
        assertThat(CAL.workingDaysBetween(from, expected)).isEqualTo(CAL.isWorkingDay(from) || n >= 0 ? n : n + 1);
    }

    @ParameterizedTest(name = "PLT4: next working day at {1} from {0} is {2}")
    @CsvSource({
            "2025-09-30T18:00+08:00, 09:00, 2025-10-09T09:00+08:00[Asia/Shanghai]", // Tuesday evening before 国庆
            "2026-02-13T18:00+08:00, 09:00, 2026-02-14T09:00+08:00[Asia/Shanghai]", // Friday before 春节: make-up Saturday
            "2026-04-03T18:00+08:00, 09:00, 2026-04-07T09:00+08:00[Asia/Shanghai]", // Friday before 清明节
            "2026-04-30T18:00+08:00, 09:00, 2026-05-06T09:00+08:00[Asia/Shanghai]", // before 劳动节
            "2026-03-02T08:59+08:00, 09:00, 2026-03-02T09:00+08:00[Asia/Shanghai]", // same morning
            "2026-03-02T09:00+08:00, 09:00, 2026-03-02T09:00+08:00[Asia/Shanghai]", // exactly then: at or after
            "2026-03-02T01:30Z, 09:00, 2026-03-03T09:00+08:00[Asia/Shanghai]",     // 09:30 in Shanghai
    })
    void PLT4_nextWorkingDayAt(ZonedDateTime from, LocalTime at, ZonedDateTime expected) {
        assertThat(CAL.nextWorkingDayAt(from, at)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PLT4: {0} has {1} working days")
    @CsvSource({
            "2026-02, 16", // 20 weekdays − 6 (16–20, 23 Feb) + 2 make-up Saturdays (14, 28 Feb)
            "2025-10, 18", // 23 weekdays − 6 (1–3, 6–8 Oct) + 1 make-up Saturday (11 Oct)
            "2025-01, 19", // 23 weekdays − 5 (元旦 1 Jan; 春节 28–31 Jan) + 1 make-up Sunday (26 Jan)
            "2027-02, 20", // unpublished: plain Mon–Fri
    })
    void PLT4_workingDaysInMonth(YearMonth month, int expected) {
        assertThat(CAL.workingDaysInMonth(month)).isEqualTo(expected);
    }

    @Test
    void PLT4_unpublishedYearCountsMondayToFridayAndSaysSo() {
        assertThat(CAL.isPublished(2026)).isTrue();
        assertThat(CAL.isPublished(2027)).isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue(); // a Friday: nothing guessed
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
    }

    @Test
    void PLT4_exceptionsCarryTheirNames() {
        assertThat(CAL.exception(LocalDate.of(2026, 2, 16))).map(CalendarDay::name).contains("春节");
        assertThat(CAL.exception(LocalDate.of(2025, 10, 8))).map(CalendarDay::name).contains("国庆节、中秋节");
        assertThat(CAL.exception(LocalDate.of(2026, 3, 2))).isEmpty();
    }

    static List<CalendarDay> shipped(int... years) {
        List<CalendarDay> days = new ArrayList<>();
        for (int year : years) {
            try (InputStream in = WorkCalendarTest.class.getResourceAsStream("/calendar/" + year + ".json")) {
                JsonNode root = JsonMapper.builder().build().readTree(in);
                root.path("days").forEach(d -> days.add(new CalendarDay(LocalDate.parse(d.path("date").asString()),
                        d.path("isOffDay").asBoolean(), d.path("name").asString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return days;
    }
}

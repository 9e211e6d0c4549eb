package io.yewu.platform.internal.calendar;

import io.yewu.platform.calendar.CalendarDay;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's official schedule in the {@code holiday-cn} JSON layout:
 * {@code {"year": 2026, "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}, …]}}.
 * A file that does not follow it is refused whole (400 {@code calendar-bad-file}) with the place that is wrong.
 */
record HolidayFile(int year, List<CalendarDay> days) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static HolidayFile parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw bad("JSON", "invalid");
        }
        if (root == null || !root.isObject()) throw bad("JSON", "invalid");
        JsonNode year = root.path("year");
        if (!year.isInt() || year.intValue() < 2000 || year.intValue() > 2100) throw bad("year", "invalid");
        JsonNode days = root.path("days");
        if (!days.isArray() || days.isEmpty()) throw bad("days", "required");
        List<CalendarDay> parsed = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            CalendarDay day = day(days.get(i), "days[" + i + "]", year.intValue());
            if (!seen.add(day.date())) throw bad("days[" + i + "].date", "calendar-duplicate-date");
            parsed.add(day);
        }
        return new HolidayFile(year.intValue(), List.copyOf(parsed));
    }

    private static CalendarDay day(JsonNode node, String where, int year) {
        JsonNode date = node.path("date");
        JsonNode off = node.path("isOffDay");
        JsonNode name = node.path("name");
        if (!date.isString()) throw bad(where + ".date", "required");
        if (!off.isBoolean()) throw bad(where + ".isOffDay", "required");
        if (!name.isMissingNode() && !name.isString()) throw bad(where + ".name", "invalid");
        LocalDate d;
        try {
            d = LocalDate.parse(date.stringValue());
        } catch (DateTimeParseException e) {
            throw bad(where + ".date", "invalid");
        }
        if (d.getYear() != year) throw bad(where + ".date", "calendar-other-year");
        return new CalendarDay(d, off.booleanValue(), name.isString() ? name.stringValue() : "");
    }

    private static ProblemException bad(String where, String code) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "calendar-bad-file",
                List.of(new ProblemException.FieldProblem(where, code)), where);
    }
}

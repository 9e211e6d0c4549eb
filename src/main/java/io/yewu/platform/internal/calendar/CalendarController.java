package io.yewu.platform.internal.calendar;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.calendar.CalendarDay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleGroup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** PLT-4 administration (ADMIN role, enforced for /api/admin/** by the security chain). */
@Allow(RoleCode.ADMIN)
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarController {

    record DayChange(@NotNull Boolean off, @Size(max = 50) String name) {}

    record Reminder(List<Integer> missingYears) {}

    private final CalendarAdmin calendar;
    private final CalendarReminder reminder;
    private final Clock clock;

    CalendarController(CalendarAdmin calendar, CalendarReminder reminder, Clock clock) {
        this.calendar = calendar;
        this.reminder = reminder;
        this.clock = clock;
    }

    /** The banner: years whose official schedule is due and not entered yet (from 1 December for the next year). */
    @GetMapping("/reminder")
    @Allow(groups = RoleGroup.ADMINS)
    Reminder reminder() {
        return new Reminder(reminder.missingYears(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))));
    }

    @GetMapping("/{year:\\d{4}}")
    CalendarAdmin.YearView year(@PathVariable int year) {
        return calendar.year(year);
    }

    @PutMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @Valid @RequestBody DayChange body) {
        calendar.put(new CalendarDay(date, body.off(), body.name()));
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(date);
    }

    @PostMapping("/{year:\\d{4}}/publish")
    CalendarAdmin.YearView publish(@PathVariable int year) {
        return calendar.publish(year);
    }

    @PostMapping("/import")
    CalendarAdmin.YearView importFile(@RequestParam("file") MultipartFile file) throws IOException {
        return calendar.importFile(file.getBytes());
    }
}

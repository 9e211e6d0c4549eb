package io.yewu.service.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shift lead's board, escalation inbox and shift log. */
@RestController
@Allow({RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
class ShiftController {

    private final ShiftBoard board;
    private final ShiftRoster roster;
    private final ShiftRollCalls rollCalls;
    private final java.time.Clock clock;

    ShiftController(ShiftBoard board, ShiftRoster roster, ShiftRollCalls rollCalls, java.time.Clock clock) {
        this.board = board;
        this.roster = roster;
        this.rollCalls = rollCalls;
        this.clock = clock;
    }

    /** SVC-10: the shift to roll-call now, its roster and roll-call time, and the recent common QC findings. */
    @GetMapping("/api/shift/roll-call")
    ShiftRollCalls.Plan rollCall() {
        return rollCalls.plan(CurrentUser.get());
    }

    @GetMapping("/api/shift/roll-calls")
    Page<ShiftRollCalls.RollCall> rollCalls(@RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to, PageQuery page) {
        return rollCalls.list(CurrentUser.get(), from, to, page);
    }

    @GetMapping("/api/shift/roll-calls/export")
    ResponseEntity<StreamingResponseBody> exportRollCalls(@RequestParam(required = false) LocalDate from,
                                                          @RequestParam(required = false) LocalDate to, Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ServiceWords.zh(locale);
        List<ExcelExport.Column<ShiftRollCalls.RollCall>> columns = List.of(
                new ExcelExport.Column<>("日期", "Date", ShiftRollCalls.RollCall::shiftDay),
                new ExcelExport.Column<>("班次", "Shift", r -> shiftWord(r.shift(), zh)),
                new ExcelExport.Column<>("值班长", "Shift lead", ShiftRollCalls.RollCall::leadName),
                new ExcelExport.Column<>("到岗", "Present", ShiftRollCalls.RollCall::present),
                new ExcelExport.Column<>("缺勤", "Absent", ShiftRollCalls.RollCall::absent),
                new ExcelExport.Column<>("缺勤人员", "Absent agents", ShiftRollCalls.RollCall::absentNames),
                new ExcelExport.Column<>("点评", "Review", ShiftRollCalls.RollCall::review),
                new ExcelExport.Column<>("记录时间", "Recorded", ShiftRollCalls.RollCall::createdAt));
        return rollCalls.query(user, from, to).xlsx("shift-roll-calls", locale, columns);
    }

    @PostMapping("/api/shift/roll-calls")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(RoleCode.SHIFT_LEAD)
    Map<String, Long> recordRollCall(@RequestBody ShiftRollCalls.NewRollCall in) {
        return Map.of("id", rollCalls.record(CurrentUser.get(), in));
    }

    /** SVC-10: how busy each shift of a day is (default the roster day on now), per agent on it. */
    @GetMapping("/api/shift/busyness")
    ShiftRoster.Busyness busyness(@RequestParam(required = false) LocalDate day) {
        return roster.busyness(CurrentUser.get(), day);
    }

    /** SVC-10: moves an agent's rostered day to the other shift or to rest (the version seen, else 409). */
    @PostMapping("/api/shift/roster/reassign")
    @Allow(RoleCode.SHIFT_LEAD)
    Map<String, Integer> reassign(@RequestBody ShiftRoster.Reassign in) {
        return Map.of("version", roster.reassign(CurrentUser.get(), in));
    }

    /** SVC-10: the month grid of the desk's shifts ({@code month} as 2026-11; default this month). */
    @GetMapping("/api/shift/roster")
    Page<ShiftRoster.AgentMonth> roster(@RequestParam(required = false) String month, PageQuery page) {
        return roster.month(CurrentUser.get(), month, page);
    }

    @GetMapping("/api/shift/roster/export")
    ResponseEntity<StreamingResponseBody> exportRoster(@RequestParam(required = false) String month, Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ServiceWords.zh(locale);
        java.time.YearMonth ym = ShiftRoster.month(month, clock);
        List<ExcelExport.Column<ShiftRoster.AgentMonth>> columns = new java.util.ArrayList<>();
        columns.add(new ExcelExport.Column<>("业务代表", "Agent", ShiftRoster.AgentMonth::name));
        for (int d = 1; d <= ym.lengthOfMonth(); d++) {
            int day = d;
            columns.add(new ExcelExport.Column<>(ym.getMonthValue() + "月" + d + "日", ym.atDay(d).toString(),
                    r -> shiftWord(r.days().get(day), zh)));
        }
        columns.add(new ExcelExport.Column<>("白班", "Day shifts", ShiftRoster.AgentMonth::dayShifts));
        columns.add(new ExcelExport.Column<>("夜班", "Night shifts", ShiftRoster.AgentMonth::nightShifts));
        columns.add(new ExcelExport.Column<>("休息", "Rest days", ShiftRoster.AgentMonth::restDays));
        return ExcelExport.response("shift-roster-" + ym, locale, columns,
                sink -> {
                    for (int page = 0; ; page++) {
                        var items = roster.month(user, ym.toString(), new PageQuery(page, PageQuery.MAX_SIZE, null)).items();
                        items.forEach(sink);
                        if (items.size() < PageQuery.MAX_SIZE) break;
                    }
                });
    }

    private static String shiftWord(String shift, boolean zh) {
        if (shift == null) return "";
        return switch (shift) {
            case "DAY" -> zh ? "白班" : "Day";
            case "NIGHT" -> zh ? "夜班" : "Night";
            default -> zh ? "休息" : "Rest";
        };
    }

    @PostMapping("/api/shift/roster")
    @Allow(RoleCode.SHIFT_LEAD)
    Map<String, Integer> setRoster(@RequestBody ShiftRoster.Entries in) {
        roster.set(CurrentUser.get(), in);
        return Map.of("updated", in.entries().size());
    }

    /** SVC-10: who is rostered on the shift that is on now. */
    @GetMapping("/api/shift/on-duty")
    ShiftRoster.OnDuty onDuty() {
        return roster.onDuty(CurrentUser.get());
    }

    @GetMapping("/api/shift/board")
    List<ShiftBoard.AgentLine> board() {
        return board.board(CurrentUser.get());
    }

    @GetMapping("/api/shift/board/export")
    ResponseEntity<StreamingResponseBody> exportBoard(Locale locale) {
        var user = CurrentUser.get();
        List<ExcelExport.Column<ShiftBoard.AgentLine>> columns = List.of(
                new ExcelExport.Column<>("业务代表", "Agent", ShiftBoard.AgentLine::ownerName),
                new ExcelExport.Column<>("处理中", "Open", ShiftBoard.AgentLine::open),
                new ExcelExport.Column<>("即将到期", "Due soon", ShiftBoard.AgentLine::dueSoon),
                new ExcelExport.Column<>("已超时", "Overdue", ShiftBoard.AgentLine::overdue),
                new ExcelExport.Column<>("已升级", "Escalated", ShiftBoard.AgentLine::escalated));
        return ExcelExport.response("shift-board", locale, columns, sink -> board.board(user).forEach(sink));
    }

    @GetMapping("/api/shift/inbox")
    Page<ShiftBoard.Escalated> inbox(PageQuery page) {
        return board.inbox(CurrentUser.get(), page);
    }

    @GetMapping("/api/shift/logs")
    Page<ShiftBoard.LogEntry> logs(PageQuery page) {
        return board.logs(CurrentUser.get(), page);
    }

    @GetMapping("/api/shift/logs/export")
    ResponseEntity<StreamingResponseBody> exportLogs(Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ServiceWords.zh(locale);
        List<ExcelExport.Column<ShiftBoard.LogEntry>> columns = List.of(
                new ExcelExport.Column<>("日期", "Date", ShiftBoard.LogEntry::shiftDate),
                new ExcelExport.Column<>("班次", "Shift", e -> "DAY".equals(e.shift()) ? (zh ? "白班" : "Day") : (zh ? "夜班" : "Night")),
                new ExcelExport.Column<>("值班长", "Shift lead", ShiftBoard.LogEntry::authorName),
                new ExcelExport.Column<>("值班情况", "Log", ShiftBoard.LogEntry::content),
                new ExcelExport.Column<>("交接客户", "Customers handed over", ShiftBoard.LogEntry::handoverCustomers),
                new ExcelExport.Column<>("紧急事项", "Urgent items", ShiftBoard.LogEntry::urgentItems),
                new ExcelExport.Column<>("待联系意向客户", "Prospects to call", ShiftBoard.LogEntry::prospects));
        return ExcelExport.response("shift-log", locale, columns, sink -> board.eachLog(user, sink));
    }

    @PostMapping("/api/shift/logs")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(RoleCode.SHIFT_LEAD)
    Map<String, Long> addLog(@RequestBody ShiftBoard.NewLogEntry in) {
        return Map.of("id", board.addLog(CurrentUser.get(), in));
    }
}

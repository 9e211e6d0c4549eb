package io.yewu.service.internal.analysis;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.internal.ServiceWords;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SVC-9 stored weekly reports and their export, SVC-5 monthly complaint analysis, SVC-10 statistics per agent. */
@RestController
@Allow({RoleCode.SERVICE_DIRECTOR, RoleCode.SHIFT_LEAD})
class AnalysisController {


    private final ServiceAnalysis analysis;

    AnalysisController(ServiceAnalysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping("/api/service-reports")
    List<ServiceAnalysis.ReportSummary> reports() {
        return analysis.reports(CurrentUser.get());
    }

    @GetMapping("/api/service-reports/{id}")
    ServiceAnalysis.Report report(@PathVariable long id) {
        return analysis.report(CurrentUser.get(), id);
    }

    record Line(String sectionZh, String sectionEn, String item, Object value, Object second) {}

    /** The stored report as a spreadsheet: one line per figure, section by section. */
    @GetMapping("/api/service-reports/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, Locale locale) {
        JsonNode c = analysis.report(CurrentUser.get(), id).content();
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("概况", "Summary", zh ? "受理工单" : "Tickets received", c.path("ticketsReceived").asLong(), null));
        lines.add(new Line("概况", "Summary", zh ? "应回访" : "Visits due", c.path("visitsDue").asLong(), null));
        lines.add(new Line("概况", "Summary", zh ? "已回访" : "Visits made", c.path("visitsDone").asLong(), null));
        lines.add(new Line("概况", "Summary", zh ? "回访率" : "Return-visit rate", c.path("visitRate").isNull() ? "-" : c.path("visitRate").decimalValue(), null));
        lines.add(new Line("概况", "Summary", zh ? "未解决" : "Unsolved", c.path("unsolved").asLong(), null));
        lines.add(new Line("概况", "Summary", zh ? "无法联系" : "Unreachable", c.path("unreachable").asLong(), null));
        String[] levels = zh ? new String[] {"", "非常不满意", "不满意", "一般", "满意", "非常满意"}
                : new String[] {"", "Very unsatisfied", "Unsatisfied", "Neutral", "Satisfied", "Very satisfied"};
        c.path("satisfaction").forEach(s -> lines.add(new Line("满意度分布", "Satisfaction", levels[Integer.parseInt(s.path("key").asString())], s.path("count").asLong(), null)));
        c.path("byType").forEach(g -> lines.add(new Line("按类型（回访/满意）", "By type (visits / satisfied)",
                ServiceWords.type(g.path("key").asString(), zh), g.path("visits").asLong(), g.path("satisfied").asLong())));
        c.path("byDepartment").forEach(g -> lines.add(new Line("按部门（回访/满意）", "By department (visits / satisfied)",
                g.path("name").asString(), g.path("visits").asLong(), g.path("satisfied").asLong())));
        c.path("suggestions").forEach(t -> lines.add(new Line("客户建议", "Suggestions", t.path("text").asString(), t.path("count").asLong(), null)));
        c.path("needs").forEach(t -> lines.add(new Line("客户需求", "Customer needs", t.path("text").asString(), t.path("count").asLong(), null)));
        c.path("hotTopics").forEach(t -> lines.add(new Line("热点问题", "Hot topics", t.path("text").asString(), t.path("count").asLong(), null)));
        c.path("findings").path("outcome").forEach(f -> lines.add(new Line("建议", "Findings", f.path(zh ? "zh" : "en").asString(), null, null)));
        List<ExcelExport.Column<Line>> columns = List.of(
                new ExcelExport.Column<>("部分", "Section", l -> zh ? l.sectionZh() : l.sectionEn()),
                new ExcelExport.Column<>("项目", "Item", Line::item),
                new ExcelExport.Column<>("数值", "Value", Line::value),
                new ExcelExport.Column<>("满意", "Satisfied", Line::second));
        return ExcelExport.response("weekly-satisfaction-" + c.path("weekStart").asString(), locale, columns, lines::forEach);
    }

    /** SVC-9 as of now for any week (the stored report is what the Monday job produced). */
    @GetMapping("/api/service-analysis/weekly")
    ServiceAnalysis.Weekly weekly(@RequestParam(required = false) LocalDate week) {
        LocalDate day = week == null ? analysis.today().minusWeeks(1) : week;
        return analysis.weekly(CurrentUser.get().companyId(), day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    @Allow({RoleCode.SERVICE_DIRECTOR, RoleCode.SHIFT_LEAD, RoleCode.MARKETING_DIRECTOR})
    @GetMapping("/api/service-analysis/complaints")
    ServiceAnalysis.ComplaintAnalysis complaints(@RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(analysis.today()) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "month");
        }
        return analysis.complaints(CurrentUser.get(), m);
    }

    /** SVC-10: {@code period=day} (default) or {@code week} (Monday to Sunday) around {@code on}, per agent. */
    @GetMapping("/api/service-analysis/statistics")
    ServiceAnalysis.Statistics statistics(@RequestParam(required = false) LocalDate on,
                                          @RequestParam(defaultValue = "day") String period) {
        LocalDate day = on == null ? analysis.today() : on;
        return switch (period) {
            case "day" -> analysis.statistics(CurrentUser.get(), day, day);
            case "week" -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield analysis.statistics(CurrentUser.get(), monday, monday.plusDays(6));
            }
            default -> throw ProblemException.invalid("period", "invalid");
        };
    }

    /** SVC-10 as a spreadsheet: one line per agent. */
    @GetMapping("/api/service-analysis/statistics/export")
    ResponseEntity<StreamingResponseBody> exportStatistics(@RequestParam(required = false) LocalDate on,
                                                           @RequestParam(defaultValue = "day") String period, Locale locale) {
        ServiceAnalysis.Statistics s = statistics(on, period);
        List<ExcelExport.Column<ServiceAnalysis.AgentStats>> columns = List.of(
                new ExcelExport.Column<>("业务代表", "Agent", ServiceAnalysis.AgentStats::agentName),
                new ExcelExport.Column<>("受理工单", "Tickets", ServiceAnalysis.AgentStats::tickets),
                new ExcelExport.Column<>("来电", "Calls", ServiceAnalysis.AgentStats::phoneCalls),
                new ExcelExport.Column<>("咨询", "Inquiries", ServiceAnalysis.AgentStats::inquiries),
                new ExcelExport.Column<>("查单", "Order look-ups", ServiceAnalysis.AgentStats::lookups),
                new ExcelExport.Column<>("主动服务", "Proactive services", ServiceAnalysis.AgentStats::proactive),
                new ExcelExport.Column<>("处理中", "Open", ServiceAnalysis.AgentStats::open),
                new ExcelExport.Column<>("已超时", "Overdue", ServiceAnalysis.AgentStats::overdue));
        return ExcelExport.response("service-statistics-" + s.from(), locale, columns, s.agents()::forEach);
    }
}

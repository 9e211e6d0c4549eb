package io.yewu.service.internal.analysis;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SVC-10 the monthly service-quality analyses: listed, reopened, exported, produced on demand for a month past. */
@RestController
@Allow({RoleCode.SERVICE_DIRECTOR, RoleCode.SHIFT_LEAD})
class QualityMonthController {

    private final QualityMonths months;

    QualityMonthController(QualityMonths months) {
        this.months = months;
    }

    record MonthInput(String month) {}

    @GetMapping("/api/service-quality-months")
    Page<QualityMonths.Summary> list(@RequestParam(required = false) Integer year, PageQuery page) {
        return months.list(CurrentUser.get(), year, page);
    }

    @GetMapping("/api/service-quality-months/export")
    ResponseEntity<StreamingResponseBody> exportList(@RequestParam(required = false) Integer year, Locale locale) {
        var user = CurrentUser.get();
        List<ExcelExport.Column<QualityMonths.Summary>> columns = List.of(
                new ExcelExport.Column<>("月份", "Month", QualityMonths.Summary::month),
                new ExcelExport.Column<>("受理工单", "Tickets received", QualityMonths.Summary::received),
                new ExcelExport.Column<>("超时工单", "Overdue", QualityMonths.Summary::overdue),
                new ExcelExport.Column<>("质检平均得分率", "QC average rate", QualityMonths.Summary::qcAverageRate),
                new ExcelExport.Column<>("建议条数", "Findings", QualityMonths.Summary::findings),
                new ExcelExport.Column<>("生成时间", "Produced", QualityMonths.Summary::producedAt));
        return months.query(user, year).xlsx("service-quality-months", locale, columns);
    }

    @GetMapping("/api/service-quality-months/{id}")
    QualityMonths.Report report(@PathVariable long id) {
        return months.report(CurrentUser.get(), id);
    }

    @PostMapping("/api/service-quality-months")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> produce(@RequestBody MonthInput in) {
        return Map.of("id", months.produce(CurrentUser.get(), in == null ? null : in.month()));
    }

    record Line(String sectionZh, String sectionEn, String item, Object a, Object b, Object c, Object d, Object e) {}

    /** The stored analysis as a spreadsheet: one line per figure, section by section. */
    @GetMapping("/api/service-quality-months/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, Locale locale) {
        QualityMonths.Report report = months.report(CurrentUser.get(), id);
        JsonNode c = report.content();
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<Line> lines = new ArrayList<>();
        String s1 = zh ? "受理 / 办结 / 超时 / 升级" : "Received / closed / overdue / escalated";
        lines.add(new Line("概况", "Summary", zh ? "工单" : "Tickets", c.path("received").asLong(), c.path("closed").asLong(),
                c.path("overdue").asLong(), c.path("escalated").asLong(), s1));
        lines.add(new Line("概况", "Summary", zh ? "排班班次 / 有值班日志" : "Rostered shifts / with a shift log",
                c.path("shiftsRostered").asLong(), c.path("shiftsLogged").asLong(), null, null, null));
        lines.add(new Line("概况", "Summary", zh ? "质检次数 / 平均得分率" : "Inspections / average rate", c.path("inspections").asLong(),
                c.path("qcAverageRate").isNull() ? "-" : c.path("qcAverageRate").decimalValue(), null, null, null));
        c.path("shifts").forEach(s -> lines.add(new Line("按班次", "By shift",
                "DAY".equals(s.path("shift").asString()) ? (zh ? "白班" : "Day shift") : (zh ? "夜班" : "Night shift"),
                s.path("received").asLong(), s.path("overdue").asLong(), s.path("rostered").asLong(), s.path("logged").asLong(),
                (zh ? "紧急事项 " : "Urgent items ") + s.path("urgentItems").asLong())));
        c.path("agents").forEach(a -> lines.add(new Line("按业务代表（受理/办结/超时/升级/质检得分率）", "By agent (received / closed / overdue / escalated / QC rate)",
                a.path("agentName").asString(), a.path("received").asLong(), a.path("closed").asLong(), a.path("overdue").asLong(),
                a.path("escalated").asLong(), a.path("qcAverageRate").isNull() ? "-" : a.path("qcAverageRate").decimalValue())));
        c.path("commonFindings").forEach(f -> lines.add(new Line("质检常见问题", "Common QC findings", f.path(zh ? "zh" : "en").asString(),
                f.path("averageRate").decimalValue(), null, null, null, null)));
        c.path("logLines").forEach(l -> lines.add(new Line("值班日志摘录", "From the shift logs", l.path("shiftDate").asString() + " "
                + ("DAY".equals(l.path("shift").asString()) ? (zh ? "白班" : "Day") : (zh ? "夜班" : "Night")) + " " + l.path("authorName").asString(),
                l.path("urgentItems").asString(), l.path("handoverCustomers").asString(), l.path("prospects").asString(), null, null)));
        c.path("findings").path("outcome").forEach(f -> lines.add(new Line("建议", "Findings", f.path(zh ? "zh" : "en").asString(),
                null, null, null, null, null)));
        List<ExcelExport.Column<Line>> columns = List.of(
                new ExcelExport.Column<>("部分", "Section", l -> zh ? l.sectionZh() : l.sectionEn()),
                new ExcelExport.Column<>("项目", "Item", Line::item),
                new ExcelExport.Column<>("数值一", "Value 1", Line::a),
                new ExcelExport.Column<>("数值二", "Value 2", Line::b),
                new ExcelExport.Column<>("数值三", "Value 3", Line::c),
                new ExcelExport.Column<>("数值四", "Value 4", Line::d),
                new ExcelExport.Column<>("数值五", "Value 5", Line::e));
        return ExcelExport.response("service-quality-" + report.report().month(), locale, columns, lines::forEach);
    }
}

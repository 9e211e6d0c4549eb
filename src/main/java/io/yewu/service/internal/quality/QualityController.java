package io.yewu.service.internal.quality;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ExcelExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** QC-1 … QC-3 for the inspector, the service director and shift leads; agents read their own results only. */
@RestController
@RequestMapping("/api/qc")
@Allow({RoleCode.QC_INSPECTOR, RoleCode.SERVICE_DIRECTOR, RoleCode.SHIFT_LEAD})
class QualityController {

    private final QualityInspection qc;

    QualityController(QualityInspection qc) {
        this.qc = qc;
    }

    @Allow(groups = RoleGroup.SERVICE_DESK)
    @GetMapping("/form")
    Decision<QcPolicy.Form> form() {
        return qc.form();
    }

    @Allow({RoleCode.QC_INSPECTOR, RoleCode.SERVICE_DIRECTOR})
    @PostMapping("/samples/propose")
    List<QualityInspection.Sample> propose(@RequestBody QualityInspection.MonthInput in) {
        return qc.propose(CurrentUser.get(), in);
    }

    @Allow({RoleCode.QC_INSPECTOR, RoleCode.SERVICE_DIRECTOR})
    @PostMapping("/samples")
    QualityInspection.Sample add(@RequestBody QualityInspection.AddInput in) {
        return qc.add(CurrentUser.get(), in);
    }

    @GetMapping("/samples/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String month,
                                                 @RequestParam(required = false) Long agentId,
                                                 @RequestParam(required = false) Boolean scored, Locale locale) {
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<ExcelExport.Column<QualityInspection.Sample>> columns = List.of(
                new ExcelExport.Column<>("月份", "Month", QualityInspection.Sample::month),
                new ExcelExport.Column<>("业务代表", "Agent", QualityInspection.Sample::agentName),
                new ExcelExport.Column<>("工单号", "Ticket", QualityInspection.Sample::ticketNumber),
                new ExcelExport.Column<>("主题", "Subject", QualityInspection.Sample::ticketSubject),
                new ExcelExport.Column<>("质检员", "Inspector", s -> s.inspectorName() == null ? "" : s.inspectorName()),
                new ExcelExport.Column<>("评分时间", "Scored", s -> s.scoredAt() == null ? (zh ? "未评分" : "Not scored") : s.scoredAt().atOffset(java.time.ZoneOffset.UTC)),
                new ExcelExport.Column<>("得分", "Total", s -> s.total() == null ? "" : s.total()),
                new ExcelExport.Column<>("满分", "Maximum", s -> s.maxTotal() == null ? "" : s.maxTotal()),
                new ExcelExport.Column<>("评语", "Comments", QualityInspection.Sample::comments));
        List<QualityInspection.Sample> rows = qc.samples(CurrentUser.get(), month, agentId, scored);
        return ExcelExport.response("qc-samples", locale, columns, rows::forEach);
    }

    @GetMapping("/samples")
    List<QualityInspection.Sample> samples(@RequestParam(required = false) String month,
                                           @RequestParam(required = false) Long agentId,
                                           @RequestParam(required = false) Boolean scored) {
        return qc.samples(CurrentUser.get(), month, agentId, scored);
    }

    @GetMapping("/samples/{id}")
    QualityInspection.Sample sample(@PathVariable long id) {
        return qc.sample(CurrentUser.get(), id);
    }

    @Allow(RoleCode.QC_INSPECTOR)
    @PostMapping("/samples/{id}/score")
    QualityInspection.Sample score(@PathVariable long id, @RequestBody QualityInspection.ScoreInput in) {
        return qc.score(CurrentUser.get(), id, in);
    }

    @Allow({RoleCode.QC_INSPECTOR, RoleCode.SERVICE_DIRECTOR})
    @PostMapping("/complaints")
    List<QualityInspection.Complaint> linkComplaint(@RequestBody QualityInspection.ComplaintInput in) {
        return qc.linkComplaint(CurrentUser.get(), in);
    }

    @GetMapping("/complaints")
    List<QualityInspection.Complaint> complaints(@RequestParam(required = false) Long agentId) {
        return qc.complaints(CurrentUser.get(), agentId);
    }

    @GetMapping("/summary")
    List<QualityInspection.AgentMonth> summary(@RequestParam(required = false) String month) {
        return qc.summary(CurrentUser.get(), month);
    }

    @GetMapping("/weekly")
    QualityInspection.Weekly weekly(@RequestParam(required = false) LocalDate week) {
        return qc.weekly(CurrentUser.get(), week);
    }

    /** QC-2: any user's own inspections and linked complaints (an agent sees nothing of anyone else). */
    @Allow(anyUser = true)
    @GetMapping("/mine")
    QualityInspection.Mine mine() {
        return qc.mine(CurrentUser.get());
    }
}

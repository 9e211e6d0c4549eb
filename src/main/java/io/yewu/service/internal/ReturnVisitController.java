package io.yewu.service.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;

/** The return-visit desk's queue and its work (SVC-6 … SVC-8). */
@RestController
@Allow({RoleCode.RETURN_VISIT, RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
class ReturnVisitController {

    private final ReturnVisits visits;
    private final ReturnVisitSms sms;

    ReturnVisitController(ReturnVisits visits, ReturnVisitSms sms) {
        this.visits = visits;
        this.sms = sms;
    }

    @GetMapping("/api/return-visits")
    Page<ReturnVisits.Row> queue(ReturnVisits.Filter filter, PageQuery page) {
        return visits.queue(CurrentUser.get(), filter, page);
    }

    @GetMapping("/api/return-visits/export")
    ResponseEntity<StreamingResponseBody> export(ReturnVisits.Filter filter, Locale locale) {
        boolean zh = ServiceWords.zh(locale);
        List<ExcelExport.Column<ReturnVisits.Row>> columns = List.of(
                new ExcelExport.Column<>("工单号", "Ticket", ReturnVisits.Row::ticketNumber),
                new ExcelExport.Column<>("统一回访", "Campaign", ReturnVisits.Row::campaignName),
                new ExcelExport.Column<>("回访员", "Return-visit agent", ReturnVisits.Row::assignedName),
                new ExcelExport.Column<>("原因", "Reason", r -> ServiceWords.word(r.reason(), zh)),
                new ExcelExport.Column<>("状态", "State", r -> ServiceWords.word(r.state(), zh)),
                new ExcelExport.Column<>("联系人", "Contact", ReturnVisits.Row::contactName),
                new ExcelExport.Column<>("电话", "Phone", ReturnVisits.Row::contactPhone),
                new ExcelExport.Column<>("回访期限", "Due", ReturnVisits.Row::dueAt),
                new ExcelExport.Column<>("预约回电", "Callback", ReturnVisits.Row::callbackAt),
                new ExcelExport.Column<>("尝试次数", "Attempts", ReturnVisits.Row::attempts),
                new ExcelExport.Column<>("已逾期", "Overdue", r -> ServiceWords.yesNo(r.overdue(), zh)),
                new ExcelExport.Column<>("满意度", "Satisfaction", ReturnVisits.Row::satisfaction));
        return visits.query(CurrentUser.get(), filter).xlsx("return-visits", locale, columns);
    }

    @GetMapping("/api/return-visits/{id}")
    ReturnVisits.Detail detail(@PathVariable long id) {
        return visits.detail(CurrentUser.get(), id);
    }

    @PostMapping("/api/return-visits/{id}/attempts")
    @Allow(RoleCode.RETURN_VISIT)
    ReturnVisits.Detail attempt(@PathVariable long id, @RequestBody ReturnVisits.NewAttempt in) {
        var user = CurrentUser.get();
        visits.attempt(user, id, in);
        return visits.detail(user, id);
    }

    /** SVC-6 by SMS: queued from the template; sent when call hours allow, retried on failure. */
    @PostMapping("/api/return-visits/{id}/sms")
    @Allow(RoleCode.RETURN_VISIT)
    ReturnVisits.Detail sms(@PathVariable long id) {
        var user = CurrentUser.get();
        sms.queue(user, id);
        return visits.detail(user, id);
    }

    /** A message given up after its tries is queued again. */
    @PostMapping("/api/return-visits/{id}/sms/{smsId}/resend")
    @Allow(RoleCode.RETURN_VISIT)
    ReturnVisits.Detail resend(@PathVariable long id, @PathVariable long smsId) {
        var user = CurrentUser.get();
        sms.resend(user, id, smsId);
        return visits.detail(user, id);
    }

    @PostMapping("/api/return-visits/{id}/close")
    @Allow(RoleCode.RETURN_VISIT)
    ReturnVisits.Detail close(@PathVariable long id, @RequestBody ReturnVisits.Close in) {
        var user = CurrentUser.get();
        visits.close(user, id, in);
        return visits.detail(user, id);
    }
}

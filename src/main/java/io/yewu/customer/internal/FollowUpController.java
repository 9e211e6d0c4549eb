package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import io.yewu.platform.security.Allow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;

/** CUS-13: what is due to be followed up today or overdue, a page at a time or as a spreadsheet. */
@RestController
class FollowUpController {

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @GetMapping("/api/follow-ups/due")
    Page<FollowUps.Due> due(@RequestParam(defaultValue = "mine") String scope, PageQuery page) {
        return followUps.due(CurrentUser.get(), "department".equals(scope), page);
    }

    @GetMapping("/api/customers/{id}/follow-ups")
    @Allow(groups = {RoleGroup.SALES, RoleGroup.FILERS})
    Page<CustomerQueries.FollowUp> forCustomer(@PathVariable long id, PageQuery page) {
        return followUps.forCustomer(CurrentUser.get(), id, page);
    }

    @GetMapping("/api/follow-ups/due/export")
    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "mine") String scope, Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ExportWords.zh(locale);
        List<ExcelExport.Column<FollowUps.Due>> columns = List.of(
                new ExcelExport.Column<>("客户", "Customer", FollowUps.Due::customerName),
                new ExcelExport.Column<>("方式", "Kind", d -> ExportWords.followUpKind(d.kind(), zh)),
                new ExcelExport.Column<>("下次跟进日期", "Next follow-up", FollowUps.Due::nextFollowUpOn),
                new ExcelExport.Column<>("下一步", "Next step", FollowUps.Due::nextStep),
                new ExcelExport.Column<>("跟进人", "Author", FollowUps.Due::authorName),
                new ExcelExport.Column<>("已逾期", "Overdue", d -> ExportWords.yesNo(d.overdue(), zh)));
        boolean department = "department".equals(scope);
        return ExcelExport.response("follow-ups-due", locale, columns, sink -> followUps.eachDue(user, department, sink));
    }

    @PostMapping("/api/follow-ups/{id}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    void done(@PathVariable long id) {
        followUps.done(CurrentUser.get(), id);
    }
}

package io.yewu.customer.internal;

import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.Allow;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Claims from duplicate filings and the disputes opened on them (CUS-6, CUS-7). */
@RestController
class ClaimController {

    record Text(String statement, String text) {}

    private final Disputes disputes;

    ClaimController(Disputes disputes) {
        this.disputes = disputes;
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @GetMapping("/api/claims")
    Page<CustomerQueries.Claim> claims(@RequestParam(defaultValue = "mine") String box, PageQuery page) {
        return disputes.claims(CurrentUser.get(), "department".equals(box), page);
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @GetMapping("/api/claims/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "mine") String box, Locale locale) {
        var all = disputes.claims(CurrentUser.get(), "department".equals(box), new PageQuery(0, PageQuery.MAX_SIZE, null)).items();
        List<ExcelExport.Column<CustomerQueries.Claim>> columns = List.of(
                new ExcelExport.Column<>("客户", "Customer", CustomerQueries.Claim::customerName),
                new ExcelExport.Column<>("申诉人", "Claimant", CustomerQueries.Claim::claimantName),
                new ExcelExport.Column<>("归属业务员", "Owner", CustomerQueries.Claim::ownerName),
                new ExcelExport.Column<>("匹配项", "Matched on", CustomerQueries.Claim::matchedOn),
                new ExcelExport.Column<>("状态", "Status", CustomerQueries.Claim::status),
                new ExcelExport.Column<>("时间", "At", CustomerQueries.Claim::createdAt));
        return ExcelExport.response("claims", locale, columns, sink -> all.forEach(sink));
    }

    @Allow(groups = RoleGroup.FILERS)
    @PostMapping("/api/claims/{id}/dispute")
    @ResponseStatus(HttpStatus.CREATED)
    Disputes.Dispute open(@PathVariable long id, @RequestBody Text in) {
        var user = CurrentUser.get();
        return disputes.get(user, disputes.open(user, id, in.statement()));
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @GetMapping("/api/disputes")
    List<Disputes.Dispute> list(@RequestParam(required = false) String status) {
        return disputes.list(CurrentUser.get(), status);
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @GetMapping("/api/disputes/{id}")
    Disputes.Dispute get(@PathVariable long id) {
        return disputes.get(CurrentUser.get(), id);
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @PostMapping("/api/disputes/{id}/statements")
    @ResponseStatus(HttpStatus.CREATED)
    Disputes.Dispute statement(@PathVariable long id, @RequestBody Text in) {
        var user = CurrentUser.get();
        disputes.statement(user, id, in.text());
        return disputes.get(user, id);
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @PostMapping("/api/disputes/{id}/decide")
    Disputes.Dispute decide(@PathVariable long id, @RequestBody Disputes.Decide in) {
        return disputes.decide(CurrentUser.get(), id, in);
    }
}

package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
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
        var user = CurrentUser.get();
        boolean department = "department".equals(box);
        boolean zh = ExportWords.zh(locale);
        List<ExcelExport.Column<CustomerQueries.Claim>> columns = List.of(
                new ExcelExport.Column<>("客户", "Customer", CustomerQueries.Claim::customerName),
                new ExcelExport.Column<>("申诉人", "Claimant", CustomerQueries.Claim::claimantName),
                new ExcelExport.Column<>("归属业务员", "Owner", CustomerQueries.Claim::ownerName),
                new ExcelExport.Column<>("匹配项", "Matched on", c -> ExportWords.matchedOn(c.matchedOn(), zh)),
                new ExcelExport.Column<>("状态", "Status", c -> ExportWords.claimStatus(c.status(), zh)),
                new ExcelExport.Column<>("时间", "At", CustomerQueries.Claim::createdAt));
        // every claim, a page at a time: an export is never cut at one page
        return ExcelExport.response("claims", locale, columns, sink -> {
            for (int p = 0; ; p++) {
                var page = disputes.claims(user, department, new PageQuery(p, PageQuery.MAX_SIZE, null));
                page.items().forEach(sink);
                if (page.items().size() < PageQuery.MAX_SIZE) return;
            }
        });
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
    Page<Disputes.Dispute> list(@RequestParam(required = false) String status, PageQuery page) {
        return disputes.list(CurrentUser.get(), status, page);
    }

    @GetMapping("/api/disputes/export")
    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    ResponseEntity<StreamingResponseBody> exportDisputes(@RequestParam(required = false) String status, Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ExportWords.zh(locale);
        List<ExcelExport.Column<Disputes.Dispute>> columns = List.of(
                new ExcelExport.Column<>("客户", "Customer", Disputes.Dispute::customerName),
                new ExcelExport.Column<>("申诉人", "Claimant", Disputes.Dispute::claimantName),
                new ExcelExport.Column<>("归属业务员", "Owner", Disputes.Dispute::ownerName),
                new ExcelExport.Column<>("状态", "Status", d -> ExportWords.disputeStatus(d.status(), zh)),
                new ExcelExport.Column<>("裁决结果", "Outcome", d -> ExportWords.disputeOutcome(d.outcome(), zh)),
                new ExcelExport.Column<>("生效时间", "Effective from", Disputes.Dispute::effectiveFrom),
                new ExcelExport.Column<>("理由", "Reason", Disputes.Dispute::reason),
                new ExcelExport.Column<>("裁决人", "Decided by", Disputes.Dispute::decidedByName),
                new ExcelExport.Column<>("提出时间", "Opened at", Disputes.Dispute::createdAt));
        return ExcelExport.response("disputes", locale, columns, sink -> disputes.each(user, status, sink));
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

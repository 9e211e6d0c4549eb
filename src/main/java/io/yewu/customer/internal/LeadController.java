package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.Allow;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Online leads: entry by the network-promotion specialist, the pool and its distribution (CUS-5, CUS-10 … CUS-12). */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    record Distribute(List<LeadDistribution.Assignment> assignments) {}

    record Distributed(List<LeadDistribution.Assigned> assigned) {}

    private final CustomerFiling filing;
    private final CustomerQueries customers;
    private final LeadDistribution distribution;
    private final LeadQueries leads;

    LeadController(CustomerFiling filing, CustomerQueries customers, LeadDistribution distribution, LeadQueries leads) {
        this.filing = filing;
        this.customers = customers;
        this.distribution = distribution;
        this.leads = leads;
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CustomerQueries.Customer enter(@RequestBody CustomerInput in) {
        var user = CurrentUser.get();
        return filing.fileAndShow(user, in, CustomerFiling.Mode.LEAD_ENTRY);
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @GetMapping("/pool")
    Page<LeadQueries.PoolEntry> pool(PageQuery page) {
        return leads.pool(CurrentUser.get(), page);
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @PostMapping("/distribute")
    Distributed distribute(@RequestBody Distribute in) {
        return new Distributed(distribution.distribute(CurrentUser.get(), in.assignments() == null ? List.of() : in.assignments()));
    }

    @Allow(groups = RoleGroup.LEAD_HANDLERS)
    @GetMapping("/overdue")
    Page<LeadQueries.Overdue> overdue(PageQuery page) {
        return leads.overdue(CurrentUser.get(), page);
    }

    @GetMapping("/overdue/export")
    @Allow(groups = RoleGroup.LEAD_HANDLERS)
    ResponseEntity<StreamingResponseBody> overdueExport(Locale locale) {
        var user = CurrentUser.get();
        List<ExcelExport.Column<LeadQueries.Overdue>> columns = List.of(
                new ExcelExport.Column<>("线索", "Lead", LeadQueries.Overdue::name),
                new ExcelExport.Column<>("业务员", "Salesperson", LeadQueries.Overdue::ownerName),
                new ExcelExport.Column<>("分配时间", "Assigned at", LeadQueries.Overdue::assignedAt),
                new ExcelExport.Column<>("首次联系期限", "First contact due", LeadQueries.Overdue::firstContactDue));
        return ExcelExport.response("overdue-leads", locale, columns, sink -> leads.eachOverdue(user, sink));
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = RoleGroup.MANAGERS)
    @GetMapping("/report")
    LeadQueries.Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return leads.report(CurrentUser.get(), from, to);
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = RoleGroup.MANAGERS)
    @GetMapping("/report/export")
    ResponseEntity<StreamingResponseBody> reportExport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                       Locale locale) {
        var report = leads.report(CurrentUser.get(), from, to);
        List<ExcelExport.Column<LeadQueries.ReportRow>> columns = List.of(
                new ExcelExport.Column<>("业务员", "Salesperson", LeadQueries.ReportRow::name),
                new ExcelExport.Column<>("分配线索", "Received", LeadQueries.ReportRow::received),
                new ExcelExport.Column<>("已联系", "Contacted", LeadQueries.ReportRow::contacted),
                new ExcelExport.Column<>("已转化", "Converted", LeadQueries.ReportRow::converted));
        return ExcelExport.response("lead-distribution", locale, columns, sink -> report.rows().forEach(sink));
    }

    @Allow(groups = RoleGroup.LEAD_HANDLERS)
    @GetMapping("/pool/export")
    ResponseEntity<StreamingResponseBody> poolExport(Locale locale) {
        var user = CurrentUser.get();
        var filter = new CustomerQueries.Filter(null, null, null, null, null, null, null, true, null);
        List<ExcelExport.Column<CustomerQueries.Row>> columns = List.of(
                new ExcelExport.Column<>("线索名称", "Lead", CustomerQueries.Row::name),
                new ExcelExport.Column<>("城市", "City", CustomerQueries.Row::city),
                new ExcelExport.Column<>("电话", "Phone", CustomerQueries.Row::phone),
                new ExcelExport.Column<>("录入时间", "Entered at", CustomerQueries.Row::createdAt));
        return ExcelExport.response("lead-pool", locale, columns, sink -> customers.export(user, filter, sink));
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @GetMapping("/today")
    Page<CustomerQueries.Row> enteredToday(PageQuery page) {
        var user = CurrentUser.get();
        return customers.list(user, new CustomerQueries.Filter(null, null, null, null, "ONLINE", null, null, true, true), page);
    }

}

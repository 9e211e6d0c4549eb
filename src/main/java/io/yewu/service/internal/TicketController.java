package io.yewu.service.internal;

import io.yewu.customer.CustomerLookup;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tickets (SVC-1 … SVC-5). Taking a question is for the service desk; reading and working a ticket is for anyone it
 * was assigned to as well (any user; {@link TicketScope} decides which tickets, 404 outside).
 */
@RestController
class TicketController {

    private final Tickets tickets;
    private final TicketQueries queries;
    private final CustomerLookup customers;

    TicketController(Tickets tickets, TicketQueries queries, CustomerLookup customers) {
        this.tickets = tickets;
        this.queries = queries;
        this.customers = customers;
    }

    @PostMapping("/api/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({RoleCode.SERVICE_AGENT, RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
    TicketQueries.Detail receive(@RequestBody Tickets.Intake in) {
        var user = CurrentUser.get();
        return queries.detail(user, tickets.receive(user, in));
    }

    /** SVC-1: the customer as the agent types (phone, name or code); no credit data. */
    @GetMapping("/api/tickets/customer-lookup")
    @Allow({RoleCode.SERVICE_AGENT, RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR, RoleCode.RETURN_VISIT})
    List<CustomerLookup.Card> lookup(@RequestParam(required = false) String q) {
        return customers.find(CurrentUser.get(), q, 10);
    }

    @GetMapping("/api/tickets")
    @Allow(anyUser = true)
    Page<TicketQueries.Row> list(TicketQueries.Filter filter, PageQuery page) {
        return queries.list(CurrentUser.get(), filter, page);
    }

    /** My open tickets (owned or assigned), the nearest promise first. */
    @GetMapping("/api/tickets/mine")
    @Allow(anyUser = true)
    Page<TicketQueries.Row> mine(PageQuery page) {
        return queries.list(CurrentUser.get(), new TicketQueries.Filter(null, null, null, null, true, null, null, null, null), page);
    }

    @GetMapping("/api/tickets/export")
    @Allow(anyUser = true)
    ResponseEntity<StreamingResponseBody> export(TicketQueries.Filter filter, Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ServiceWords.zh(locale);
        List<ExcelExport.Column<TicketQueries.Row>> columns = List.of(
                new ExcelExport.Column<>("工单号", "Number", TicketQueries.Row::number),
                new ExcelExport.Column<>("渠道", "Channel", r -> ServiceWords.channel(r.channel(), zh)),
                new ExcelExport.Column<>("类型", "Type", r -> ServiceWords.type(r.type(), zh)),
                new ExcelExport.Column<>("状态", "State", r -> ServiceWords.state(r.state(), zh)),
                new ExcelExport.Column<>("来电人", "Caller", TicketQueries.Row::callerName),
                new ExcelExport.Column<>("电话", "Phone", TicketQueries.Row::callerPhone),
                new ExcelExport.Column<>("主题", "Subject", TicketQueries.Row::subject),
                new ExcelExport.Column<>("首问责任人", "Owner", TicketQueries.Row::ownerName),
                new ExcelExport.Column<>("承办人", "Assignee", TicketQueries.Row::assigneeName),
                new ExcelExport.Column<>("受理时间", "Received", TicketQueries.Row::receivedAt),
                new ExcelExport.Column<>("承诺答复时间", "Promised", TicketQueries.Row::promisedAt),
                new ExcelExport.Column<>("已超时", "Overdue", r -> ServiceWords.yesNo(r.overdue(), zh)),
                new ExcelExport.Column<>("升级", "Escalation", r -> ServiceWords.level(r.escalationLevel(), zh)));
        return queries.query(user, filter).xlsx("tickets", locale, columns);
    }

    @GetMapping("/api/tickets/{id}")
    @Allow(anyUser = true)
    TicketQueries.Detail detail(@PathVariable long id) {
        return queries.detail(CurrentUser.get(), id);
    }

    @PostMapping("/api/tickets/{id}/transfer")
    @Allow(anyUser = true)
    TicketQueries.Detail transfer(@PathVariable long id, @RequestBody Tickets.Transfer in) {
        var user = CurrentUser.get();
        tickets.transfer(user, id, in);
        return queries.detail(user, id);
    }

    @PostMapping("/api/tickets/{id}/resolve")
    @Allow(anyUser = true)
    TicketQueries.Detail resolve(@PathVariable long id, @RequestBody Tickets.Resolution in) {
        var user = CurrentUser.get();
        tickets.resolve(user, id, in);
        return queries.detail(user, id);
    }

    /** SVC-1 → CUS-15: an information-change ticket files the customer's change request (manager approval). */
    @PostMapping("/api/tickets/{id}/change-request")
    @Allow({RoleCode.SERVICE_AGENT, RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
    TicketQueries.Detail requestChange(@PathVariable long id, @RequestBody Tickets.ChangeAsk in) {
        var user = CurrentUser.get();
        tickets.requestChange(user, id, in);
        return queries.detail(user, id);
    }

    @PostMapping("/api/tickets/{id}/escalate")
    @Allow(anyUser = true)
    TicketQueries.Detail escalate(@PathVariable long id, @RequestBody Tickets.Note in) {
        var user = CurrentUser.get();
        tickets.escalate(user, id, in);
        return queries.detail(user, id);
    }

    @PostMapping("/api/tickets/{id}/notes")
    @Allow(anyUser = true)
    TicketQueries.Detail note(@PathVariable long id, @RequestBody Tickets.Note in) {
        var user = CurrentUser.get();
        tickets.note(user, id, in);
        return queries.detail(user, id);
    }

    @PostMapping("/api/tickets/{id}/supervise")
    @Allow({RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
    TicketQueries.Detail supervise(@PathVariable long id, @RequestBody Tickets.Note in) {
        var user = CurrentUser.get();
        tickets.supervise(user, id, in);
        return queries.detail(user, id);
    }

    /** The departments a ticket may go to (any user may be working a ticket) and a notice may come from. */
    @GetMapping("/api/tickets/departments")
    @Allow(anyUser = true)
    List<TicketQueries.Department> departments() {
        return queries.departments(CurrentUser.get().companyId());
    }

    /** The root-cause categories in force (SVC-5 setting list), for the closing form. */
    @GetMapping("/api/tickets/root-causes")
    @Allow(anyUser = true)
    Map<String, List<String>> rootCauses() {
        return Map.of("codes", tickets.rootCauses());
    }
}

package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.identity.UserDirectory;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Customer files (CUS-1 … CUS-8, CUS-13, CUS-15, CUS-16). */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    record TransferOne(Long toUserId, String reason) {}

    record TransferAll(Long fromUserId, Long toUserId, String reason) {}

    private final CustomerFiling filing;
    private final CustomerQueries queries;
    private final CustomerChanges changes;
    private final FollowUps followUps;
    private final DuplicateCheck duplicates;
    private final OwnershipLedger ledger;
    private final UserDirectory users;
    private final DuplicateCheckQuota quota;

    CustomerController(CustomerFiling filing, CustomerQueries queries, CustomerChanges changes, FollowUps followUps,
                       DuplicateCheck duplicates, DuplicateCheckQuota quota, OwnershipLedger ledger, UserDirectory users) {
        this.users = users;
        this.quota = quota;
        this.filing = filing;
        this.queries = queries;
        this.changes = changes;
        this.followUps = followUps;
        this.duplicates = duplicates;
        this.ledger = ledger;
    }

    @Allow(groups = RoleGroup.LEAD_HANDLERS)
    @GetMapping("/duplicates")
    DuplicateCheck.Answer duplicates(@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                                     @RequestParam(required = false) String creditCode, @RequestParam(required = false) String email) {
        var user = CurrentUser.get();
        quota.take(user);
        return duplicates.check(user, name, phone, creditCode, email);
    }

    @Allow(groups = RoleGroup.LEAD_HANDLERS)
    @GetMapping("/similar")
    List<DuplicateCheck.Similar> similar(@RequestParam String name) {
        var user = CurrentUser.get();
        quota.take(user);
        String n = CustomerKeys.clean(name).strip();
        if (n.length() < 2 || n.length() > 100) return List.of();
        return duplicates.similar(user.companyId(), n);
    }

    @Allow(groups = RoleGroup.FILERS)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CustomerQueries.Customer file(@RequestBody CustomerInput in) {
        var user = CurrentUser.get();
        return filing.fileAndShow(user, in, CustomerFiling.Mode.SALESPERSON_FILES);
    }

    @Allow(groups = RoleGroup.CUSTOMER_READERS)
    @GetMapping
    Page<CustomerQueries.Row> list(CustomerQueries.Filter filter, PageQuery page) {
        requirePoolReader(filter);
        return queries.list(CurrentUser.get(), filter, page);
    }

    @Allow(groups = RoleGroup.CUSTOMER_READERS)
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(CustomerQueries.Filter filter, Locale locale) {
        requirePoolReader(filter);
        var user = CurrentUser.get();
        List<ExcelExport.Column<CustomerQueries.Row>> columns = List.of(
                new ExcelExport.Column<>("客户名称", "Name", CustomerQueries.Row::name),
                new ExcelExport.Column<>("城市", "City", CustomerQueries.Row::city),
                new ExcelExport.Column<>("阶段", "Stage", CustomerQueries.Row::stage),
                new ExcelExport.Column<>("来源", "Source", CustomerQueries.Row::source),
                new ExcelExport.Column<>("业务员", "Owner", CustomerQueries.Row::ownerName),
                new ExcelExport.Column<>("大客户", "Key account", CustomerQueries.Row::keyAccount),
                new ExcelExport.Column<>("电话", "Phone", CustomerQueries.Row::phone),
                new ExcelExport.Column<>("最近跟进", "Last follow-up", CustomerQueries.Row::lastFollowUpAt),
                new ExcelExport.Column<>("建档时间", "Filed at", CustomerQueries.Row::createdAt));
        return ExcelExport.response("customers", locale, columns, sink -> queries.export(user, filter, sink));
    }

    /** The lead pool is for those who file or distribute leads; for everyone else it does not exist. */
    private static void requirePoolReader(CustomerQueries.Filter filter) {
        if (Boolean.TRUE.equals(filter.pool())
                && RoleGroup.LEAD_HANDLERS.roles().stream().noneMatch(CurrentUser.get()::hasRole)) {
            throw io.yewu.platform.web.ProblemException.forbidden("forbidden");
        }
    }

    record OwnerAt(long customerId, OffsetDateTime at, Long ownerId, String ownerName) {}

    /** Who owned the customer at that instant (RCV-2 credits receipts by it). */
    @Allow(groups = RoleGroup.CUSTOMER_READERS)
    @GetMapping("/ownership")
    OwnerAt ownerAt(@RequestParam long customerId, @RequestParam OffsetDateTime at) {
        var user = CurrentUser.get();
        var customer = queries.customer(user, customerId);
        Long owner = ledger.ownerAt(customer.id(), at.toInstant()).orElse(null);
        String name = owner == null ? null : users.find(owner).map(UserDirectory.UserRef::displayName).orElse(null);
        return new OwnerAt(customerId, at, owner, name);
    }

    @Allow(groups = RoleGroup.CUSTOMER_READERS)
    @GetMapping("/{id}")
    CustomerQueries.Detail detail(@PathVariable long id) {
        return queries.detail(CurrentUser.get(), id);
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @PutMapping("/{id}")
    CustomerQueries.Customer edit(@PathVariable long id, @RequestBody CustomerChanges.Edit in) {
        return changes.edit(CurrentUser.get(), id, in);
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @PostMapping("/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> followUp(@PathVariable long id, @RequestBody FollowUps.NewFollowUp in) {
        return Map.of("id", followUps.record(CurrentUser.get(), id, in));
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @PostMapping("/{id}/transfer")
    CustomerQueries.Customer transfer(@PathVariable long id, @RequestBody TransferOne in) {
        if (in.toUserId() == null) throw io.yewu.platform.web.ProblemException.invalid("toUserId", "required");
        return changes.transfer(CurrentUser.get(), id, in.toUserId(), in.reason());
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @PostMapping("/transfer")
    Map<String, Integer> transferAll(@RequestBody TransferAll in) {
        if (in.fromUserId() == null) throw io.yewu.platform.web.ProblemException.invalid("fromUserId", "required");
        if (in.toUserId() == null) throw io.yewu.platform.web.ProblemException.invalid("toUserId", "required");
        return Map.of("transferred", changes.transferAll(CurrentUser.get(), in.fromUserId(), in.toUserId(), in.reason()));
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @PostMapping("/{id}/change-requests")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> changeRequest(@PathVariable long id, @RequestBody CustomerChanges.ChangeRequest in) {
        return Map.of("id", changes.request(CurrentUser.get(), id, in));
    }
}

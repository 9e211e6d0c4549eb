package io.yewu.customer.internal;

import io.yewu.platform.approval.ApprovalCompleted;
import io.yewu.platform.approval.ApprovalSpec;
import io.yewu.platform.approval.Approvals;
import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import io.yewu.customer.CustomerChangeDecided;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to a customer file: plain edits by whoever may work it; transfers by a manager who is not a party to
 * them (CUS-8); legal name, credit code, invoice details and credit terms only through an approved change request
 * (CUS-15), filed by the owner or a manager, decided first by the manager responsible for the owner, and applied in
 * the transaction of the approval that completes it — or that approval is refused with the reason.
 */
@Service
class CustomerChanges {

    record Edit(String city, String address, String businessFormat, String customerClass, Boolean keyAccount,
                String productCategory, String notes, List<String> tags, List<CustomerInput.Contact> contacts, Long version) {}

    record ChangeRequest(Map<String, Object> changes, Map<String, String> creditInvestigation) {}

    static final String SUBJECT = "customer-change";
    private static final List<String> REQUESTABLE = List.of("name", "creditCode", "invoiceTitle", "taxId", "bankName",
            "bankAccount", "creditTermDays", "creditLimit");
    private static final Map<String, String> COLUMNS = Map.of("name", "name", "creditCode", "credit_code",
            "invoiceTitle", "invoice_title", "taxId", "tax_id", "bankName", "bank_name", "bankAccount", "bank_account",
            "creditTermDays", "credit_term_days", "creditLimit", "credit_limit");

    private final JdbcClient jdbc;
    private final CustomerQueries customers;
    private final OwnershipLedger ledger;
    private final Approvals approvals;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final ChangeRequestPolicy policy = new ChangeRequestPolicy();

    /** The largest credit limit the column numeric(14, 2) holds. */
    static final BigDecimal MAX_CREDIT_LIMIT = new BigDecimal("999999999999.99");

    CustomerChanges(JdbcClient jdbc, CustomerQueries customers, OwnershipLedger ledger, Approvals approvals,
                    DecisionRecords decisions, AuditTrail audit, Settings settings, JsonMapper json, Clock clock,
                    Notifier notifier, ApplicationEventPublisher events) {
        this.notifier = notifier;
        this.events = events;
        this.jdbc = jdbc;
        this.customers = customers;
        this.ledger = ledger;
        this.approvals = approvals;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A partial update: a member left out (or null) keeps its stored value; {@code ""} clears a text, {@code []} the
     * tags or contacts. {@code version} is required, so an edit made on a stale copy is refused (409). The audit
     * entry records every changed field, contacts before and after included.
     */
    @Transactional
    CustomerQueries.Customer edit(YewuPrincipal user, long id, Edit in) {
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        CustomerQueries.Customer before = customers.customer(user, id);
        if (!before.inScope()) throw ProblemException.notFound("customer " + id);
        List<CustomerInput.Contact> beforeContacts = before.contacts().stream()
                .map(k -> new CustomerInput.Contact(k.name(), k.phone(), k.email(), k.position())).toList();
        CustomerInput after = new CustomerInput(before.name(), null, or(in.city(), before.city()), or(in.address(), before.address()),
                or(in.businessFormat(), before.businessFormat()), or(in.customerClass(), before.customerClass()),
                or(in.keyAccount(), before.keyAccount()), null, or(in.productCategory(), before.productCategory()),
                or(in.notes(), before.notes()), or(in.tags(), before.tags()), or(in.contacts(), beforeContacts));
        var problems = CustomerValidation.validate(after);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Versions.requireUpdated(jdbc.sql("""
                UPDATE customer SET city = :city, address = :address, business_format = :format, customer_class = :class,
                       key_account = :ka, product_category = :category, notes = :notes, tags = :tags, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("city", Cities.canonical(after.city()).orElseThrow()).param("address", strip(after.address()))
                .param("format", strip(after.businessFormat())).param("class", strip(after.customerClass()))
                .param("ka", Boolean.TRUE.equals(after.keyAccount())).param("category", strip(after.productCategory()))
                .param("notes", strip(after.notes())).param("tags", after.tags().stream().map(String::strip).toArray(String[]::new))
                .param("c", user.companyId()).param("id", id).param("v", in.version()).update());
        if (in.contacts() != null) replaceContacts(user.companyId(), id, after);
        CustomerQueries.Customer saved = customers.customer(user, id);
        audit.record("customer", id, "update", Changes.of().put("city", before.city(), saved.city())
                .put("address", before.address(), saved.address()).put("businessFormat", before.businessFormat(), saved.businessFormat())
                .put("customerClass", before.customerClass(), saved.customerClass()).put("keyAccount", before.keyAccount(), saved.keyAccount())
                .put("productCategory", before.productCategory(), saved.productCategory())
                .put("notes", before.notes(), saved.notes()).put("tags", before.tags(), saved.tags())
                .put("contacts", contactsForAudit(before.contacts()), contactsForAudit(saved.contacts())));
        return saved;
    }

    private static <T> T or(T given, T stored) {
        return given == null ? stored : given;
    }

    private static List<String> contactsForAudit(List<CustomerQueries.Contact> contacts) {
        return contacts.stream().map(k -> String.join(" / ", k.name(), k.phone(), k.email(), k.position())).toList();
    }

    /** Phones and e-mails are identity keys: a contact that belongs to another file is refused, not shared. */
    private void replaceContacts(long companyId, long id, CustomerInput in) {
        jdbc.sql("DELETE FROM customer_key WHERE company_id = :c AND customer_id = :id AND kind IN ('PHONE', 'EMAIL')")
                .param("c", companyId).param("id", id).update();
        jdbc.sql("DELETE FROM customer_contact WHERE company_id = :c AND customer_id = :id").param("c", companyId).param("id", id).update();
        var keys = CustomerKeys.of(in.name(), null, in.phones(), in.emails()).stream()
                .filter(k -> k.kind() != CustomerKeys.Kind.NAME).toList();
        for (var key : keys) {
            int added = jdbc.sql("INSERT INTO customer_key (company_id, kind, value, customer_id) VALUES (:c, :k, :v, :id) ON CONFLICT DO NOTHING")
                    .param("c", companyId).param("k", key.kind().name()).param("v", key.value()).param("id", id).update();
            if (added == 0) throw ProblemException.conflict("duplicate").with("matchedOn", key.kind().name());
        }
        for (var c : in.contacts()) {
            jdbc.sql("INSERT INTO customer_contact (company_id, customer_id, name, phone, email, position) VALUES (:c, :id, :n, :p, :e, :pos)")
                    .param("c", companyId).param("id", id).param("n", c.name().strip())
                    .param("p", CustomerValidation.blank(c.phone()) ? "" : CustomerKeys.phone(c.phone()).orElseThrow())
                    .param("e", CustomerValidation.blank(c.email()) ? "" : CustomerKeys.email(c.email()).orElseThrow())
                    .param("pos", strip(c.position())).update();
        }
    }

    /**
     * CUS-8: only a manager transfers, with a reason, and never one who is a party to it (the customer's owner or
     * the one receiving it): such a transfer is the general manager's to make. The ledger keeps who owned it before.
     */
    @Transactional
    CustomerQueries.Customer transfer(YewuPrincipal manager, long id, long toUserId, String reason) {
        if (reason == null || reason.isBlank()) throw ProblemException.invalid("reason", "required");
        CustomerQueries.Customer c = customers.customer(manager, id);
        if (!c.inScope()) throw ProblemException.notFound("customer " + id);
        requireColleague(manager, toUserId);
        if (PartyRule.isParty(manager.id(), c.ownerId(), toUserId)) throw ProblemException.conflict("transfer-party");
        if (Objects.equals(c.ownerId(), toUserId)) throw ProblemException.invalid("toUserId", "transfer-same-owner");
        moveOne(manager, c.id(), c.ownerId(), toUserId, reason.strip());
        return customers.customer(manager, id);
    }

    /** A leaver's whole book to a colleague, in one transaction. */
    @Transactional
    int transferAll(YewuPrincipal manager, long fromUserId, long toUserId, String reason) {
        if (reason == null || reason.isBlank()) throw ProblemException.invalid("reason", "required");
        requireColleague(manager, fromUserId);
        requireColleague(manager, toUserId);
        if (PartyRule.isParty(manager.id(), fromUserId, toUserId)) throw ProblemException.conflict("transfer-party");
        if (fromUserId == toUserId) throw ProblemException.invalid("toUserId", "transfer-same-owner");
        List<Long> ids = jdbc.sql("SELECT id FROM customer WHERE company_id = :c AND owner_id = :from ORDER BY id FOR UPDATE")
                .param("c", manager.companyId()).param("from", fromUserId).query(Long.class).list();
        if (ids.isEmpty()) return 0;
        Instant now = clock.instant();
        Decision<Long> decision = transferDecision(now, reason.strip(), fromUserId, toUserId);
        ledger.changeAll(manager.companyId(), ids, fromUserId, toUserId, now, "TRANSFER", json.writeValueAsString(decision), manager.id());
        decisions.recordAll("customer", ids.stream().map(String::valueOf).toList(), "transfer", decision);
        Changes changes = Changes.of().put("ownerId", fromUserId, toUserId).created("reason", reason.strip());
        Map<Long, Changes> audited = new LinkedHashMap<>();
        ids.forEach(id -> audited.put(id, changes));
        audit.recordAll("customer", "transfer", audited);
        return ids.size();
    }

    private Decision<Long> transferDecision(Instant now, String reason, Long from, long to) {
        return Decision.of(to, settings.snapshotAt(now).version(),
                new RuleHit("CUS-8", "经理转移客户；在办报价、订单、工单随客户转移，已回款与提成仍归原业务员",
                        "A manager transferred the customer; open quotes, orders and tickets move with it, past receipts and commission stay",
                        Map.of("reason", reason, "from", String.valueOf(from), "to", to)));
    }

    private void moveOne(YewuPrincipal manager, long customerId, Long from, long to, String reason) {
        Instant now = clock.instant();
        Decision<Long> decision = transferDecision(now, reason, from, to);
        ledger.change(manager.companyId(), customerId, from, to, now, "TRANSFER", null, json.writeValueAsString(decision), manager.id());
        decisions.record("customer", String.valueOf(customerId), "transfer", decision);
        audit.record("customer", customerId, "transfer", Changes.of().put("ownerId", from, to).created("reason", reason));
    }

    private void requireColleague(YewuPrincipal manager, long userId) {
        var scope = DataScope.of(manager, "u.company_id", "u.id");
        boolean ok = jdbc.sql("SELECT count(*) FROM app_user u WHERE u.id = :id AND u.active AND " + scope.sql())
                .params(scope.params()).param("id", userId).query(Long.class).single() > 0;
        if (!ok) throw ProblemException.invalid("toUserId", "unknown", userId);
    }

    /**
     * CUS-15: files the request and starts its approval chain; the file changes only when the chain approves. Only
     * the owner or a manager applies; a value that collides with another file or does not fit is refused now (422)
     * and checked again when the last step approves.
     */
    @Transactional
    long request(YewuPrincipal user, long customerId, ChangeRequest in) {
        CustomerQueries.Customer c = customers.customer(user, customerId);
        if (!c.inScope()) throw ProblemException.notFound("customer " + customerId);
        boolean owner = c.ownerId() != null && c.ownerId() == user.id();
        if (!owner && !Roles.any(user, Roles.MANAGERS)) throw ProblemException.forbidden("change-not-owner");
        return file(user, c, in);
    }

    /**
     * CUS-15 from an information-change ticket (SVC-1): the service desk files on the customer's behalf for a customer
     * it may see; only the identity, invoice and bank fields (credit terms stay with the owner and its investigation).
     * The same approval chain decides it.
     */
    @Transactional
    long requestForCustomer(YewuPrincipal agent, long customerId, Map<String, Object> requested) {
        CustomerQueries.Customer c = customers.customer(agent, customerId, true);
        if (!c.inScope()) throw ProblemException.notFound("customer " + customerId);
        if (requested != null) {
            for (String field : requested.keySet()) {
                if (!io.yewu.customer.CustomerChangeRequests.FIELDS.contains(field)) throw ProblemException.invalid("changes." + field, "invalid");
            }
        }
        return file(agent, c, new ChangeRequest(requested, null));
    }

    private long file(YewuPrincipal user, CustomerQueries.Customer c, ChangeRequest in) {
        long customerId = c.id();
        if ("CLOSED".equals(c.stage())) throw ProblemException.conflict("customer-closed");
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("name", c.name());
        current.put("creditCode", c.creditCode());
        current.put("invoiceTitle", c.invoiceTitle());
        current.put("taxId", c.taxId());
        current.put("bankName", c.bankName());
        current.put("bankAccount", c.bankAccount());
        current.put("creditTermDays", c.creditTermDays());
        current.put("creditLimit", c.creditLimit());
        Map<String, Map<String, Object>> changes = diff(current, in.changes() == null ? Map.of() : in.changes());
        if (changes.isEmpty()) throw ProblemException.badRequest("change-nothing");
        String taken = collision(user.companyId(), customerId, changes);
        if (taken != null) throw ProblemException.invalid("changes." + taken, "duplicate-other-file");
        var before = new ChangeRequestPolicy.Terms(c.creditTermDays(), c.creditLimit());
        var after = new ChangeRequestPolicy.Terms(
                changes.containsKey("creditTermDays") ? (Integer) changes.get("creditTermDays").get("new") : c.creditTermDays(),
                changes.containsKey("creditLimit") ? (BigDecimal) changes.get("creditLimit").get("new") : c.creditLimit());
        boolean termsChanged = changes.containsKey("creditTermDays") || changes.containsKey("creditLimit");
        if ((after.termDays() == null) != (after.limit() == null)) throw ProblemException.invalid("creditLimit", "required");
        Map<String, String> investigation = in.creditInvestigation();
        boolean hasInvestigation = investigation != null && List.of("capitalTurnover", "paymentHistory", "references").stream()
                .allMatch(k -> investigation.get(k) != null && !investigation.get(k).isBlank());
        if (policy.needsInvestigation(before, after, termsChanged) && !hasInvestigation) {
            throw ProblemException.invalid("creditInvestigation", "required");
        }
        boolean pending = jdbc.sql("SELECT count(*) FROM customer_change_request WHERE company_id = :c AND customer_id = :id AND status = 'PENDING'")
                .param("c", user.companyId()).param("id", customerId).query(Long.class).single() > 0;
        if (pending) throw ProblemException.conflict("change-pending");
        Decision<List<RoleCode>> decision = policy.steps(before, after, termsChanged, hasInvestigation,
                settings.snapshotAt(clock.instant()).version());
        long id = jdbc.sql("""
                INSERT INTO customer_change_request (company_id, customer_id, requested_by, changes, credit_investigation,
                    customer_version, decision)
                VALUES (:c, :customer, :by, CAST(:changes AS jsonb), CAST(:inv AS jsonb), :v, CAST(:decision AS jsonb)) RETURNING id""")
                .param("c", user.companyId()).param("customer", customerId).param("by", user.id())
                .param("changes", json.writeValueAsString(changes))
                .param("inv", investigation == null ? null : json.writeValueAsString(investigation))
                .param("v", c.version()).param("decision", json.writeValueAsString(decision)).query(Long.class).single();
        // the business-manager step goes to the manager responsible for the customer: the owner's manager
        Long ownerId = c.ownerId();
        List<StepSpec> steps = decision.outcome().stream()
                .map(role -> role == RoleCode.BUSINESS_MANAGER && ownerId != null ? StepSpec.managerOf(ownerId) : StepSpec.role(role))
                .toList();
        Map<String, ApprovalSpec.Change> shown = new java.util.LinkedHashMap<>();
        changes.forEach((field, v) -> shown.put(field, new ApprovalSpec.Change(v.get("old"), v.get("new"))));
        approvals.start(new ApprovalSpec(SUBJECT, String.valueOf(id), 0, "客户信息变更：" + c.name() + " / Customer change: " + c.name(),
                user.id(), decision, steps, new ApprovalSpec.Details("/customers/" + customerId, c.name(), shown,
                        investigation == null ? Map.of() : investigation)));
        audit.record("customer-change-request", id, "create", Changes.of().created("customerId", customerId)
                .created("fields", String.join(",", changes.keySet())));
        return id;
    }

    /**
     * Applies an approved request, or closes a rejected or cancelled one, in the transaction that decided the
     * approval (a plain listener: same thread, same transaction, same company). A change that can no longer apply
     * — its new name or credit code now belongs to another file, or a value the table refuses — throws: the
     * approval is refused with that reason and its step stays pending, for the approver to reject.
     */
    @EventListener
    void on(ApprovalCompleted event) {
        if (!SUBJECT.equals(event.subjectType())) return;
        long requestId = Long.parseLong(event.subjectId());
        record Pending(long customerId, String changes) {}
        Pending p = jdbc.sql("SELECT customer_id, changes::text FROM customer_change_request WHERE company_id = :c AND id = :id AND status = 'PENDING' FOR UPDATE")
                .param("c", event.companyId()).param("id", requestId).query(Pending.class).optional().orElse(null);
        if (p == null) return;
        switch (event.outcome()) {
            case CANCELLED -> {
                jdbc.sql("""
                        UPDATE customer_change_request SET status = 'CANCELLED', cancel_reason = :r, decided_at = now(),
                               version = version + 1 WHERE company_id = :c AND id = :id""")
                        .param("r", event.comment()).param("c", event.companyId()).param("id", requestId).update();
                audit.record("customer-change-request", requestId, "cancel", Changes.of().put("status", "PENDING", "CANCELLED")
                        .created("reason", event.comment()));
                events.publishEvent(new CustomerChangeDecided(event.companyId(), requestId, p.customerId(), "CANCELLED", event.comment()));
                return;
            }
            case REJECTED -> {
                jdbc.sql("UPDATE customer_change_request SET status = 'REJECTED', decided_at = now(), version = version + 1 WHERE company_id = :c AND id = :id")
                        .param("c", event.companyId()).param("id", requestId).update();
                events.publishEvent(new CustomerChangeDecided(event.companyId(), requestId, p.customerId(), "REJECTED", event.comment()));
                return;
            }
            case APPROVED -> { }
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> changes = json.readValue(p.changes(), Map.class);
        String taken = collision(event.companyId(), p.customerId(), changes);
        if (taken != null) throw ProblemException.conflict("change-" + ("name".equals(taken) ? "name" : "credit-code") + "-taken");
        jdbc.sql("UPDATE customer_change_request SET status = 'APPROVED', decided_at = now(), version = version + 1 WHERE company_id = :c AND id = :id")
                .param("c", event.companyId()).param("id", requestId).update();
        Changes audited = Changes.of();
        Map<String, Object> values = new LinkedHashMap<>();
        changes.forEach((field, pair) -> {
            Object value = pair.get("new");
            if (field.equals("creditLimit") && value != null) value = new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
            if (value == null && !field.startsWith("credit")) value = "";
            values.put(field, value);
            audited.put(field, pair.get("old"), value);
        });
        // one statement: credit days and limit are checked together by the table
        String set = values.keySet().stream().map(f -> COLUMNS.get(f) + " = :" + f).collect(java.util.stream.Collectors.joining(", "));
        try {
            jdbc.sql("UPDATE customer SET " + set + ", version = version + 1 WHERE company_id = :c AND id = :id")
                    .params(values).param("c", event.companyId()).param("id", p.customerId()).update();
            rekey(event.companyId(), p.customerId());
        } catch (DataIntegrityViolationException e) {
            throw ProblemException.conflict("change-cannot-apply");
        }
        audit.record("customer", p.customerId(), "change-approved", audited);
        events.publishEvent(new CustomerChangeDecided(event.companyId(), requestId, p.customerId(), "APPROVED", event.comment()));
    }

    /** A request in flight no longer fits a customer that changed owner: it is cancelled (and its chain voided). */
    @EventListener
    void on(OwnershipLedger.OwnerChanged event) {
        cancelPending(event.companyId(), event.customerIds(), "客户归属已变更，申请自动撤销",
                "The customer changed owner; the request was cancelled");
    }

    void cancelPending(long companyId, long customerId, String reasonZh, String reasonEn) {
        cancelPending(companyId, List.of(customerId), reasonZh, reasonEn);
    }

    /** One statement for any number of customers; then the few requests it cancelled, each voided and told. */
    void cancelPending(long companyId, List<Long> customerIds, String reasonZh, String reasonEn) {
        record Cancelled(long id, long requestedBy, long customerId) {}
        List<Cancelled> cancelled = jdbc.sql("""
                UPDATE customer_change_request SET status = 'CANCELLED', cancel_reason = :r, decided_at = now(), version = version + 1
                WHERE company_id = :c AND customer_id = ANY(CAST(:ids AS bigint[])) AND status = 'PENDING'
                RETURNING id, requested_by, customer_id""")
                .param("r", reasonZh).param("c", companyId).param("ids", customerIds.toArray(Long[]::new))
                .query(Cancelled.class).list();
        for (Cancelled r : cancelled) {
            long customerId = r.customerId();
            approvals.voidFor(SUBJECT, String.valueOf(r.id()));
            audit.record("customer-change-request", r.id(), "cancel", Changes.of().put("status", "PENDING", "CANCELLED")
                    .created("reason", reasonZh));
            events.publishEvent(new CustomerChangeDecided(companyId, r.id(), customerId, "CANCELLED", reasonZh));
            notifier.notify(r.requestedBy(), "customer.change-cancelled", "客户信息变更申请已撤销", "Customer change request cancelled",
                    reasonZh, reasonEn, "/customers/" + customerId);
        }
    }

    /** The first requested identity field (name, credit code) whose new key belongs to another file, or null. */
    private String collision(long companyId, long customerId, Map<String, Map<String, Object>> changes) {
        for (String field : List.of("name", "creditCode")) {
            if (!changes.containsKey(field)) continue;
            Object value = changes.get(field).get("new");
            if (value == null || value.toString().isBlank()) continue;
            var keys = field.equals("name") ? CustomerKeys.of(value.toString(), null, List.of(), List.of())
                    : CustomerKeys.of("", value.toString(), List.of(), List.of());
            var kind = field.equals("name") ? CustomerKeys.Kind.NAME : CustomerKeys.Kind.CREDIT_CODE;
            for (var key : keys) {
                if (key.kind() != kind) continue;
                boolean other = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM customer_key WHERE company_id = :c AND kind = :k AND value = :v
                                       AND customer_id <> :id)""")
                        .param("c", companyId).param("k", key.kind().name()).param("v", key.value()).param("id", customerId)
                        .query(Boolean.class).single();
                if (other) return field;
            }
        }
        return null;
    }

    private void rekey(long companyId, long customerId) {
        record Identity(String name, String creditCode) {}
        Identity id = jdbc.sql("SELECT name, credit_code FROM customer WHERE company_id = :c AND id = :id")
                .param("c", companyId).param("id", customerId).query(Identity.class).single();
        jdbc.sql("DELETE FROM customer_key WHERE company_id = :c AND customer_id = :id AND kind IN ('NAME', 'CREDIT_CODE')")
                .param("c", companyId).param("id", customerId).update();
        for (var key : CustomerKeys.of(id.name(), id.creditCode(), List.of(), List.of())) {
            jdbc.sql("INSERT INTO customer_key (company_id, kind, value, customer_id) VALUES (:c, :k, :v, :id)")
                    .param("c", companyId).param("k", key.kind().name()).param("v", key.value()).param("id", customerId).update();
        }
    }

    private static Map<String, Map<String, Object>> diff(Map<String, Object> current, Map<String, Object> requested) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        for (var e : requested.entrySet()) {
            if (!REQUESTABLE.contains(e.getKey())) throw ProblemException.invalid("changes." + e.getKey(), "invalid");
            Object value = normalise(e.getKey(), e.getValue());
            if (!Objects.equals(value, current.get(e.getKey()))) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("old", current.get(e.getKey()));
                pair.put("new", value);
                changes.put(e.getKey(), pair);
            }
        }
        return changes;
    }

    private static Object normalise(String field, Object value) {
        if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?> || value instanceof Boolean) {
            throw ProblemException.invalid("changes." + field, "invalid");
        }
        // invisible format characters are dropped as in every CUS-1 key; control characters never get this far (TextGuard)
        String text = value == null ? null : CustomerKeys.clean(value.toString()).strip();
        return switch (field) {
            case "name" -> {
                if (text == null || text.isEmpty() || text.length() > 100) throw ProblemException.invalid("changes.name", "required");
                yield text;
            }
            case "creditCode" -> text == null || text.isEmpty() ? null : CustomerKeys.creditCode(text)
                    .orElseThrow(() -> ProblemException.invalid("changes.creditCode", "credit-code"));
            case "creditTermDays" -> {
                try {
                    Integer days = text == null || text.isEmpty() ? null : Integer.valueOf(text);
                    if (days != null && (days < 1 || days > 365)) throw ProblemException.invalid("changes.creditTermDays", "invalid");
                    yield days;
                } catch (NumberFormatException ex) {
                    throw ProblemException.invalid("changes.creditTermDays", "invalid");
                }
            }
            case "creditLimit" -> {
                try {
                    BigDecimal limit = text == null || text.isEmpty() ? null : new BigDecimal(text).setScale(2, RoundingMode.HALF_UP);
                    if (limit != null && limit.signum() <= 0) throw ProblemException.invalid("changes.creditLimit", "invalid");
                    if (limit != null && limit.compareTo(MAX_CREDIT_LIMIT) > 0) {
                        throw ProblemException.invalid("changes.creditLimit", "too-large", MAX_CREDIT_LIMIT.toPlainString());
                    }
                    yield limit;
                } catch (NumberFormatException ex) {
                    throw ProblemException.invalid("changes.creditLimit", "invalid");
                }
            }
            default -> {
                if (text != null && text.length() > 100) throw ProblemException.invalid("changes." + field, "too-long", 100);
                yield text == null ? "" : text;
            }
        };
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}

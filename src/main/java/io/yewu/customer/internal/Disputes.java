package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CUS-7 ownership disputes (特殊情况): the claimant opens one on their claim, both sides state their case
 * (协商解决), and the business manager decides — keep, transfer now, or transfer from a date — with a written
 * reason. The decision is audited and stored, and future receipts follow the ownership ledger it writes. Whoever
 * decides is never a party (the claimant or the owner): when the claimant's manager owns the customer, the dispute
 * goes to the general manager.
 */
@Service
class Disputes {

    record Statement(long id, long authorId, String authorName, String text, OffsetDateTime createdAt) {}

    record Dispute(long id, long claimId, long customerId, String customerName, long openedBy, String claimantName,
                   Long ownerId, String ownerName, String status, String outcome, OffsetDateTime effectiveFrom,
                   String reason, String decidedByName, OffsetDateTime decidedAt, OffsetDateTime createdAt, long version,
                   List<Statement> statements) {}

    record Decide(String outcome, OffsetDateTime effectiveFrom, String reason, long version) {}

    private final JdbcClient jdbc;
    private final CustomerQueries customers;
    private final OwnershipLedger ledger;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final UserDirectory users;
    private final Settings settings;
    private final JsonMapper json;
    private final Clock clock;

    Disputes(JdbcClient jdbc, CustomerQueries customers, OwnershipLedger ledger, DecisionRecords decisions,
             AuditTrail audit, Notifier notifier, UserDirectory users, Settings settings, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.ledger = ledger;
        this.decisions = decisions;
        this.audit = audit;
        this.notifier = notifier;
        this.users = users;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Claims the user made (mine) or, for managers, those of their department's people. */
    Page<CustomerQueries.Claim> claims(YewuPrincipal user, boolean department, PageQuery page) {
        if (!department) {
            return customers.claims("(cl.claimant_id = :me OR cl.owner_id = :me)", Map.of("c", user.companyId(), "me", user.id()), page);
        }
        var scope = DataScope.of(user, "cl.company_id", "cl.claimant_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("c", user.companyId());
        return customers.claims(scope.sql(), params, page);
    }

    @Transactional
    long open(YewuPrincipal user, long claimId, String statement) {
        requireText("statement", statement);
        var claim = customers.claims("cl.id = :id", Map.of("c", user.companyId(), "id", claimId)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("claim " + claimId));
        if (claim.claimantId() != user.id()) throw ProblemException.forbidden("claim-not-yours");
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO ownership_dispute (company_id, claim_id, customer_id, opened_by) VALUES (:c, :claim, :customer, :by)
                    RETURNING id""")
                    .param("c", user.companyId()).param("claim", claimId).param("customer", claim.customerId())
                    .param("by", user.id()).query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate");
        }
        jdbc.sql("UPDATE customer_claim SET status = 'DISPUTED' WHERE company_id = :c AND id = :id")
                .param("c", user.companyId()).param("id", claimId).update();
        addStatement(user, id, statement);
        audit.record("ownership-dispute", id, "open", Changes.of().created("claimId", claimId).created("customerId", claim.customerId()));
        String link = "/claims?dispute=" + id;
        if (claim.ownerId() != null) {
            notifier.notify(claim.ownerId(), "customer.dispute", "客户归属争议：" + claim.customerName(),
                    "Ownership dispute: " + claim.customerName(), user.displayName() + " 提出争议", user.displayName() + " opened a dispute", link);
        }
        for (long decider : deciders(user.id(), claim.ownerId())) {
            notifier.notify(decider, "customer.dispute", "待裁定的归属争议：" + claim.customerName(),
                    "Ownership dispute to decide: " + claim.customerName(), "", "", link);
        }
        return id;
    }

    Dispute get(YewuPrincipal user, long id) {
        Dispute d = load("d.id = :id", Map.of("id", id), user.companyId(), new PageQuery(0, 1, null)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("dispute " + id));
        if (!mayRead(user, d)) throw ProblemException.notFound("dispute " + id);
        return d;
    }

    /** Disputes with their statements: two queries however many disputes. */
    private List<Dispute> load(String where, Map<String, Object> params, long companyId, PageQuery page) {
        List<Dispute> disputes = jdbc.sql("""
                SELECT d.id, d.claim_id, d.customer_id, c.name AS customer_name, d.opened_by, ob.display_name AS claimant_name,
                       c.owner_id, ou.display_name AS owner_name, d.status, d.outcome, d.effective_from, d.reason,
                       db.display_name AS decided_by_name, d.decided_at, d.created_at, d.version
                FROM ownership_dispute d JOIN customer c ON c.company_id = d.company_id AND c.id = d.customer_id
                JOIN app_user ob ON ob.id = d.opened_by LEFT JOIN app_user ou ON ou.id = c.owner_id
                LEFT JOIN app_user db ON db.id = d.decided_by
                WHERE d.company_id = :company AND %s ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset""".formatted(where))
                .params(params).param("company", companyId).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Dispute(rs.getLong("id"), rs.getLong("claim_id"), rs.getLong("customer_id"),
                        rs.getString("customer_name"), rs.getLong("opened_by"), rs.getString("claimant_name"),
                        rs.getObject("owner_id", Long.class), rs.getString("owner_name"), rs.getString("status"),
                        rs.getString("outcome"), rs.getObject("effective_from", OffsetDateTime.class), rs.getString("reason"),
                        rs.getString("decided_by_name"), rs.getObject("decided_at", OffsetDateTime.class),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getLong("version"), new java.util.ArrayList<>()))
                .list();
        if (disputes.isEmpty()) return disputes;
        Map<Long, Dispute> byId = new java.util.HashMap<>();
        disputes.forEach(d -> byId.put(d.id(), d));
        record Row(long disputeId, Statement statement) {}
        jdbc.sql("""
                SELECT s.dispute_id, s.id, s.author_id, u.display_name AS author_name, s.text, s.created_at FROM dispute_statement s
                JOIN app_user u ON u.id = s.author_id WHERE s.company_id = :c AND s.dispute_id IN (:ids) ORDER BY s.created_at""")
                .param("c", companyId).param("ids", List.copyOf(byId.keySet()))
                .query((rs, n) -> new Row(rs.getLong("dispute_id"), new Statement(rs.getLong("id"), rs.getLong("author_id"),
                        rs.getString("author_name"), rs.getString("text"), rs.getObject("created_at", OffsetDateTime.class))))
                .list().forEach(r -> byId.get(r.disputeId()).statements().add(r.statement()));
        return disputes;
    }

    @Transactional
    void statement(YewuPrincipal user, long disputeId, String text) {
        requireText("text", text);
        Dispute d = get(user, disputeId);
        if (!"OPEN".equals(d.status())) throw ProblemException.conflict("dispute-closed");
        addStatement(user, disputeId, text);
    }

    @Transactional
    Dispute decide(YewuPrincipal manager, long disputeId, Decide in) {
        Dispute d = get(manager, disputeId);
        if (!"OPEN".equals(d.status())) throw ProblemException.conflict("dispute-closed");
        if (isParty(manager.id(), d.openedBy(), d.ownerId())) throw ProblemException.conflict("dispute-party");
        requireText("reason", in.reason());
        if (in.outcome() == null || !List.of("KEEP", "TRANSFER", "TRANSFER_FROM").contains(in.outcome())) {
            throw ProblemException.invalid("outcome", "invalid");
        }
        Instant now = clock.instant();
        Instant effective = switch (in.outcome()) {
            case "TRANSFER_FROM" -> {
                if (in.effectiveFrom() == null) throw ProblemException.invalid("effectiveFrom", "required");
                if (in.effectiveFrom().toInstant().isAfter(now)) throw ProblemException.invalid("effectiveFrom", "invalid");
                yield in.effectiveFrom().toInstant();
            }
            case "TRANSFER" -> now;
            default -> null;
        };
        Versions.requireUpdated(jdbc.sql("""
                UPDATE ownership_dispute SET status = 'DECIDED', outcome = :o, effective_from = :from, reason = :r,
                       decided_by = :by, decided_at = :now, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("o", in.outcome()).param("from", effective == null ? null : effective.atOffset(java.time.ZoneOffset.UTC))
                .param("r", in.reason().strip()).param("by", manager.id()).param("now", now.atOffset(java.time.ZoneOffset.UTC))
                .param("c", manager.companyId()).param("id", disputeId).param("v", in.version()).update());
        jdbc.sql("UPDATE customer_claim SET status = 'CLOSED' WHERE company_id = :c AND id = :id")
                .param("c", manager.companyId()).param("id", d.claimId()).update();
        Decision<String> decision = Decision.of(in.outcome(), settings.snapshotAt(now).version(),
                new RuleHit("CUS-7", "业务经理听取双方陈述后裁定归属，并书面说明理由",
                        "The business manager heard both sides and decided ownership with a written reason",
                        Map.of("outcome", in.outcome(), "reason", in.reason().strip(),
                                "effectiveFrom", effective == null ? "—" : effective.toString())));
        decisions.record("customer", String.valueOf(d.customerId()), "dispute-decision", decision);
        if (effective != null) {
            ledger.change(manager.companyId(), d.customerId(), d.ownerId(), d.openedBy(), effective, "DISPUTE",
                    String.valueOf(disputeId), json.writeValueAsString(decision), manager.id());
        }
        audit.record("ownership-dispute", disputeId, "decide", Changes.of().put("status", "OPEN", "DECIDED")
                .created("outcome", in.outcome()).created("reason", in.reason().strip()));
        for (Long party : new Long[]{d.openedBy(), d.ownerId()}) {
            if (party != null) notifier.notify(party, "customer.dispute-decided", "归属争议已裁定：" + d.customerName(),
                    "Ownership dispute decided: " + d.customerName(), in.reason().strip(), in.reason().strip(), "/customers/" + d.customerId());
        }
        return get(manager, disputeId);
    }

    /** The disputes the user takes part in or oversees, a page at a time (never cut silently). */
    Page<Dispute> list(YewuPrincipal user, String status, PageQuery page) {
        var scope = DataScope.of(user, "d.company_id", "d.opened_by");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("me", user.id());
        String where = "(" + scope.sql() + " OR d.opened_by = :me OR c.owner_id = :me)";
        if (status != null && !status.isBlank()) {
            where += " AND d.status = :status";
            params.put("status", status);
        }
        List<Dispute> items = load(where, params, user.companyId(), page);
        String fromWhere = """
                 FROM ownership_dispute d JOIN customer c ON c.company_id = d.company_id AND c.id = d.customer_id
                WHERE d.company_id = :company AND""" + " " + where;
        return Page.of(items, page, () -> jdbc.sql(Page.cappedCountSql(fromWhere)).params(params).param("company", user.companyId())
                .query(Long.class).single());
    }

    /** Every dispute of {@link #list}, a page at a time into the sink (the export). */
    void each(YewuPrincipal user, String status, java.util.function.Consumer<Dispute> sink) {
        for (int p = 0; ; p++) {
            Page<Dispute> page = list(user, status, new PageQuery(p, PageQuery.MAX_SIZE, null));
            page.items().forEach(sink);
            if (page.items().size() < PageQuery.MAX_SIZE) return;
        }
    }

    /** CUS-7: a party to a dispute never decides it. */
    static boolean isParty(long userId, long claimantId, Long ownerId) {
        return PartyRule.isParty(userId, claimantId, ownerId);
    }

    /**
     * Who decides: the claimant's manager, unless that manager is a party (owns the customer) — then the general
     * manager(s) who are not parties.
     */
    private List<Long> deciders(long claimantId, Long ownerId) {
        var manager = users.managerOf(claimantId).filter(m -> !isParty(m, claimantId, ownerId));
        if (manager.isPresent()) return List.of(manager.get());
        return users.withRole(io.yewu.platform.security.RoleCode.GENERAL_MANAGER, null).stream()
                .filter(gm -> !isParty(gm, claimantId, ownerId)).toList();
    }

    private boolean mayRead(YewuPrincipal user, Dispute d) {
        if (d.openedBy() == user.id() || d.ownerId() != null && d.ownerId() == user.id()) return true;
        var scope = DataScope.of(user, "u.company_id", "u.id");
        return jdbc.sql("SELECT count(*) FROM app_user u WHERE u.id = :who AND " + scope.sql())
                .params(scope.params()).param("who", d.openedBy()).query(Long.class).single() > 0;
    }

    private void addStatement(YewuPrincipal user, long disputeId, String text) {
        jdbc.sql("INSERT INTO dispute_statement (company_id, dispute_id, author_id, text) VALUES (:c, :d, :a, :t)")
                .param("c", user.companyId()).param("d", disputeId).param("a", user.id()).param("t", text.strip()).update();
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) throw ProblemException.invalid(field, "required");
        if (text.length() > 2000) throw ProblemException.invalid(field, "too-long", 2000);
    }
}

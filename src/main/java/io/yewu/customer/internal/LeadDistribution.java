package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The business manager distributes pooled leads (CUS-10): by the suggested ranking in bulk, or overriding a lead;
 * every assignment stores its decision, opens an ownership period and starts the first-contact clock (CUS-12).
 * One transaction for the whole batch, with set-based writes, so a thousand leads take well under a second.
 */
@Service
class LeadDistribution {

    record Assignment(long leadId, Long userId) {}

    record Assigned(long leadId, long userId, String userName, Decision<Long> decision) {}

    private record Lead(long id, String name, Long departmentId, String productCategory) {}

    private final JdbcClient jdbc;
    private final LeadPool pool;
    private final LeadRanking ranking = new LeadRanking();
    private final OwnershipLedger ledger;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final Settings settings;
    private final JsonMapper json;
    private final Clock clock;

    LeadDistribution(JdbcClient jdbc, LeadPool pool, OwnershipLedger ledger, DecisionRecords decisions, AuditTrail audit,
                     Notifier notifier, Settings settings, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.pool = pool;
        this.ledger = ledger;
        this.decisions = decisions;
        this.audit = audit;
        this.notifier = notifier;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The settings version rankings made at {@code now} are under (read once per page, not once per lead). */
    long settingsVersion(Instant now) {
        return settings.snapshotAt(now).version();
    }

    /** The ranking the manager sees for one lead. */
    Decision<List<LeadRanking.Ranked>> suggest(long leadId, String category, List<LeadRanking.Candidate> candidates,
                                               long settingsVersion) {
        return ranking.rank(new LeadRanking.Lead(leadId, category), candidates, settingsVersion);
    }

    @Transactional
    List<Assigned> distribute(YewuPrincipal manager, List<Assignment> requested) {
        if (requested.isEmpty()) throw ProblemException.invalid("assignments", "required");
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        Map<Long, Lead> leads = lockPooled(manager, requested.stream().map(Assignment::leadId).toList());
        Map<Long, List<LeadRanking.Candidate>> teams = new HashMap<>();
        List<Assigned> assigned = new ArrayList<>();
        for (Assignment a : requested) {
            Lead lead = leads.get(a.leadId());
            // no department, no team: nobody is eligible (409 below), never a 500
            List<LeadRanking.Candidate> team = lead.departmentId() == null ? new ArrayList<>()
                    : teams.computeIfAbsent(lead.departmentId(), d -> new ArrayList<>(pool.candidates(manager.companyId(), d, now)));
            Instant at = now.plusNanos(assigned.size() * 1000L); // keeps the batch's order for round-robin
            Decision<Long> decision = a.userId() == null
                    ? ranking.distribute(List.of(new LeadRanking.Lead(lead.id(), lead.productCategory())), team, at, snapshot.version())
                        .get(lead.id())
                    : override(lead, a.userId(), team, snapshot.version());
            if (decision == null) throw ProblemException.conflict("no-eligible-salesperson");
            long owner = decision.outcome();
            team.replaceAll(c -> c.userId() == owner ? new LeadRanking.Candidate(c.userId(), c.name(), c.skills(), c.active(),
                    c.absent(), c.receivedThisMonth() + 1, c.openLeads() + 1, at) : c);
            String name = team.stream().filter(c -> c.userId() == owner).findFirst().orElseThrow().name();
            assigned.add(new Assigned(lead.id(), owner, name, decision));
        }
        write(manager, assigned, now, snapshot);
        return assigned;
    }

    private Decision<Long> override(Lead lead, long userId, List<LeadRanking.Candidate> team, long settingsVersion) {
        LeadRanking.Candidate chosen = team.stream().filter(c -> c.userId() == userId && c.active()).findFirst()
                .orElseThrow(() -> ProblemException.conflict("not-a-salesperson", userId));
        var suggested = ranking.rank(new LeadRanking.Lead(lead.id(), lead.productCategory()), team, settingsVersion);
        List<RuleHit> hits = new ArrayList<>();
        hits.add(new RuleHit("CUS-10", "业务经理人工指定（未采用推荐排序）", "Assigned by the business manager, overriding the ranking",
                Map.of("chosen", chosen.name(), "suggested", suggested.outcome().isEmpty() ? "—" : suggested.outcome().getFirst().name(),
                        "absent", chosen.absent())));
        hits.addAll(suggested.hits());
        return new Decision<>(userId, hits, settingsVersion);
    }

    private Map<Long, Lead> lockPooled(YewuPrincipal manager, List<Long> ids) {
        var access = CustomerAccess.of(manager, "c");
        Map<Long, Lead> found = jdbc.sql("""
                        SELECT c.id, c.name, c.department_id, c.product_category FROM customer c
                        WHERE c.id IN (:ids) AND c.owner_id IS NULL AND c.stage <> 'CLOSED' AND %s
                        ORDER BY c.id FOR UPDATE""".formatted(access.inScopeSql()))
                .params(access.params()).param("ids", ids)
                .query((rs, n) -> new Lead(rs.getLong("id"), rs.getString("name"), rs.getLong("department_id"),
                        rs.getString("product_category")))
                .list().stream().collect(Collectors.toMap(Lead::id, l -> l));
        for (long id : ids) if (!found.containsKey(id)) throw ProblemException.conflict("lead-not-in-pool", id);
        return found;
    }

    private void write(YewuPrincipal manager, List<Assigned> assigned, Instant now, SettingsSnapshot snapshot) {
        long c = manager.companyId();
        Instant due = now.plus(Duration.ofDays(snapshot.get(CustomerSettings.FIRST_CONTACT_DAYS)));
        Long[] leadIds = assigned.stream().map(Assigned::leadId).toArray(Long[]::new);
        Long[] owners = assigned.stream().map(Assigned::userId).toArray(Long[]::new);
        String[] decisionJson = assigned.stream().map(a -> json.writeValueAsString(a.decision())).toArray(String[]::new);
        jdbc.sql("""
                UPDATE customer c SET owner_id = a.owner, assigned_at = :now,
                       first_contact_due = :due, first_contacted_at = NULL, overdue_flagged_at = NULL, version = c.version + 1
                FROM unnest(CAST(:ids AS bigint[]), CAST(:owners AS bigint[])) AS a(id, owner)
                WHERE c.company_id = :c AND c.id = a.id""")
                .param("now", now.atOffset(java.time.ZoneOffset.UTC))
                .param("due", due.atOffset(java.time.ZoneOffset.UTC)).param("ids", leadIds).param("owners", owners).param("c", c)
                .update();
        ledger.openAll(c, leadIds, owners, decisionJson, now, "ASSIGNED", manager.id());
        Map<String, Decision<Long>> byLead = new LinkedHashMap<>();
        Map<Long, Changes> changes = new LinkedHashMap<>();
        for (Assigned a : assigned) {
            byLead.put(String.valueOf(a.leadId()), a.decision());
            changes.put(a.leadId(), Changes.of().put("ownerId", null, a.userId()));
        }
        decisions.recordAll("customer", "lead-assignment", byLead);
        audit.recordAll("customer", "assign", changes);
        Map<Long, Long> perOwner = new LinkedHashMap<>();
        assigned.forEach(a -> perOwner.merge(a.userId(), 1L, Long::sum));
        long days = snapshot.get(CustomerSettings.FIRST_CONTACT_DAYS);
        notifier.notifyAll("customer.lead-assigned", "/customers?stage=LEAD", perOwner.entrySet().stream()
                .map(e -> new Notifier.Message(e.getKey(), "分配给您 " + e.getValue() + " 条新线索",
                        e.getValue() + " new lead(s) assigned to you", "请在 " + days + " 天内首次联系",
                        "Contact them within " + days + " days")).toList());
    }
}

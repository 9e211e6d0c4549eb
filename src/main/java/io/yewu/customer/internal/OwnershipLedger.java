package io.yewu.customer.internal;

import io.yewu.customer.CustomerOwnership;
import io.yewu.customer.CustomerTransferred;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.write.FollowingWrite;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who owned each customer when (CUS-4, CUS-7, CUS-8). Periods never overlap (an exclusion constraint in the
 * database), so "owner of X at instant T" has exactly one answer, and a change from a past date rewrites the
 * periods after it instead of doubling them. The customer row's owner_id is the open period's owner.
 */
@Component
class OwnershipLedger implements CustomerOwnership {

    /** Published synchronously, in the transaction, whenever the open period's owner changes (or it ends). */
    record OwnerChanged(long companyId, List<Long> customerIds) {
        OwnerChanged(long companyId, long customerId) {
            this(companyId, List.of(customerId));
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OwnershipLedger(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<Long> ownerAt(long customerId, Instant at) {
        return jdbc.sql("""
                SELECT owner_id FROM customer_ownership
                WHERE company_id = :c AND customer_id = :id AND valid_from <= :at AND (valid_to IS NULL OR valid_to > :at)""")
                .param("c", CompanyContext.companyId()).param("id", customerId).param("at", at.atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).optional();
    }

    /**
     * Opens the first period of a file inserted earlier in the same statement: nothing earlier to cut back, the file
     * already names its owner.
     */
    FollowingWrite opening(long companyId, long ownerId, Instant from, String reason, String ref, String decisionJson, Long by) {
        return (subject, binds) -> """
                INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, reason_ref, decision, recorded_by)
                SELECT %s, %s, %s, %s, %s, %s, %s, %s %s""".formatted(binds.bind(companyId, "bigint"), subject.id(),
                binds.bind(ownerId, "bigint"), binds.bind(from.atOffset(java.time.ZoneOffset.UTC), "timestamptz"),
                binds.bind(reason, "text"), binds.bind(ref, "text"), binds.bind(decisionJson, "jsonb"), binds.bind(by, "bigint"),
                subject.fromWhere(""));
    }

    /**
     * Gives the customer to {@code ownerId} from {@code from} (now or a past instant): later periods are cut back,
     * the new one stays open. Publishes {@link CustomerTransferred} when someone else owned it before.
     */
    void change(long companyId, long customerId, Long previousOwner, long ownerId, Instant from, String reason, String ref,
                String decisionJson, Long by) {
        var at = from.atOffset(java.time.ZoneOffset.UTC);
        jdbc.sql("DELETE FROM customer_ownership WHERE company_id = :c AND customer_id = :id AND valid_from >= :at")
                .param("c", companyId).param("id", customerId).param("at", at).update();
        jdbc.sql("""
                UPDATE customer_ownership SET valid_to = :at
                WHERE company_id = :c AND customer_id = :id AND (valid_to IS NULL OR valid_to > :at)""")
                .param("c", companyId).param("id", customerId).param("at", at).update();
        jdbc.sql("""
                INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, reason_ref, decision, recorded_by)
                VALUES (:c, :id, :owner, :at, :reason, :ref, CAST(:decision AS jsonb), :by)""")
                .param("c", companyId).param("id", customerId).param("owner", ownerId).param("at", at)
                .param("reason", reason).param("ref", ref).param("decision", decisionJson).param("by", by).update();
        jdbc.sql("UPDATE customer SET owner_id = :owner, version = version + 1 WHERE company_id = :c AND id = :id")
                .param("owner", ownerId).param("c", companyId).param("id", customerId).update();
        if (previousOwner != null && previousOwner != ownerId) {
            events.publishEvent(new CustomerTransferred(companyId, List.of(customerId), previousOwner, ownerId, from, reason));
        }
        if (!java.util.Objects.equals(previousOwner, ownerId)) events.publishEvent(new OwnerChanged(companyId, customerId));
    }

    /**
     * Gives many customers of one owner to another from {@code from} (a leaver's book), set-based: a few statements
     * whatever the number of customers. Same periods and events as {@link #change} one by one.
     */
    void changeAll(long companyId, List<Long> customerIds, long previousOwner, long ownerId, Instant from, String reason,
                   String decisionJson, Long by) {
        if (customerIds.isEmpty()) return;
        var at = from.atOffset(java.time.ZoneOffset.UTC);
        Long[] ids = customerIds.toArray(Long[]::new);
        jdbc.sql("DELETE FROM customer_ownership WHERE company_id = :c AND customer_id = ANY(CAST(:ids AS bigint[])) AND valid_from >= :at")
                .param("c", companyId).param("ids", ids).param("at", at).update();
        jdbc.sql("""
                UPDATE customer_ownership SET valid_to = :at
                WHERE company_id = :c AND customer_id = ANY(CAST(:ids AS bigint[])) AND (valid_to IS NULL OR valid_to > :at)""")
                .param("c", companyId).param("ids", ids).param("at", at).update();
        jdbc.sql("""
                INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, decision, recorded_by)
                SELECT :c, id, :owner, :at, :reason, CAST(:decision AS jsonb), :by FROM unnest(CAST(:ids AS bigint[])) AS x(id)""")
                .param("c", companyId).param("ids", ids).param("owner", ownerId).param("at", at)
                .param("reason", reason).param("decision", decisionJson).param("by", by).update();
        jdbc.sql("UPDATE customer SET owner_id = :owner, version = version + 1 WHERE company_id = :c AND id = ANY(CAST(:ids AS bigint[]))")
                .param("owner", ownerId).param("c", companyId).param("ids", ids).update();
        if (previousOwner == ownerId) return;
        events.publishEvent(new CustomerTransferred(companyId, customerIds, previousOwner, ownerId, from, reason));
        events.publishEvent(new OwnerChanged(companyId, List.copyOf(customerIds)));
    }

    /** Opens first periods for many pooled leads at once (bulk distribution). */
    void openAll(long companyId, Long[] customerIds, Long[] ownerIds, String[] decisionJson, Instant from, String reason, long by) {
        jdbc.sql("""
                INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, decision, recorded_by)
                SELECT :c, a.id, a.owner, :at, :reason, CAST(a.decision AS jsonb), :by
                FROM unnest(CAST(:ids AS bigint[]), CAST(:owners AS bigint[]), CAST(:decisions AS text[])) AS a(id, owner, decision)""")
                .param("c", companyId).param("ids", customerIds).param("owners", ownerIds).param("decisions", decisionJson)
                .param("at", from.atOffset(java.time.ZoneOffset.UTC)).param("reason", reason).param("by", by).update();
    }

    /** Closes the open period: the customer goes back to the pool (CUS-9); the decision that ended it is kept with it. */
    void close(long companyId, long customerId, Instant at, String endDecisionJson) {
        jdbc.sql("""
                UPDATE customer_ownership SET valid_to = :at, end_decision = CAST(:decision AS jsonb)
                WHERE company_id = :c AND customer_id = :id AND valid_to IS NULL""")
                .param("c", companyId).param("id", customerId).param("at", at.atOffset(java.time.ZoneOffset.UTC))
                .param("decision", endDecisionJson).update();
        jdbc.sql("UPDATE customer SET owner_id = NULL, version = version + 1 WHERE company_id = :c AND id = :id")
                .param("c", companyId).param("id", customerId).update();
        events.publishEvent(new OwnerChanged(companyId, customerId));
    }
}

package io.yewu.platform.internal.approval;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * PLT-3 delegation when absent: from its first to its last day (Beijing dates) the delegate sees and may decide the
 * delegator's pending steps, recorded as decided by the delegate.
 */
@Component
class Delegations {

    record Delegation(long id, long delegateId, String delegateName, LocalDate startsOn, LocalDate endsOn) {}

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final UserDirectory directory;
    private final AuditTrail audit;

    Delegations(JdbcClient jdbc, UserDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** Who may act for {@code userId} today. */
    List<Long> delegatesOf(long userId) {
        return jdbc.sql("""
                SELECT delegate_id FROM delegation
                WHERE company_id = :c AND user_id = :u AND :today BETWEEN starts_on AND ends_on ORDER BY id""")
                .param("c", CompanyContext.companyId()).param("u", userId).param("today", today())
                .query(Long.class).list();
    }

    /** For whom {@code delegateId} may act today. */
    List<Long> delegatorsOf(long delegateId) {
        return jdbc.sql("""
                SELECT user_id FROM delegation
                WHERE company_id = :c AND delegate_id = :d AND :today BETWEEN starts_on AND ends_on ORDER BY id""")
                .param("c", CompanyContext.companyId()).param("d", delegateId).param("today", today())
                .query(Long.class).list();
    }

    /** The caller's delegations that have not ended yet. */
    List<Delegation> current(YewuPrincipal me) {
        return jdbc.sql("""
                SELECT d.id, d.delegate_id, u.display_name AS delegate_name, d.starts_on, d.ends_on
                FROM delegation d JOIN app_user u ON u.id = d.delegate_id AND u.company_id = d.company_id
                WHERE d.company_id = :c AND d.user_id = :u AND d.ends_on >= :today
                ORDER BY d.starts_on, d.id""")
                .param("c", me.companyId()).param("u", me.id()).param("today", today())
                .query(Delegation.class).list();
    }

    @Transactional
    Delegation create(YewuPrincipal me, long delegateId, LocalDate startsOn, LocalDate endsOn) {
        if (delegateId == me.id()) throw ProblemException.invalid("delegateId", "delegate-self");
        var delegate = directory.find(delegateId).filter(UserDirectory.UserRef::active)
                .orElseThrow(() -> ProblemException.invalid("delegateId", "unknown", delegateId));
        if (endsOn.isBefore(startsOn)) throw ProblemException.invalid("endsOn", "date-order");
        long id = jdbc.sql("""
                INSERT INTO delegation (company_id, user_id, delegate_id, starts_on, ends_on)
                VALUES (:c, :u, :d, :s, :e) RETURNING id""")
                .param("c", me.companyId()).param("u", me.id()).param("d", delegateId)
                .param("s", startsOn).param("e", endsOn).query(Long.class).single();
        audit.record("delegation", id, "create", Changes.of().created("delegateId", delegateId)
                .created("startsOn", startsOn).created("endsOn", endsOn));
        return new Delegation(id, delegateId, delegate.displayName(), startsOn, endsOn);
    }

    @Transactional
    void delete(YewuPrincipal me, long id) {
        int deleted = jdbc.sql("DELETE FROM delegation WHERE id = :id AND company_id = :c AND user_id = :u")
                .param("id", id).param("c", me.companyId()).param("u", me.id()).update();
        if (deleted == 0) throw ProblemException.notFound("delegation " + id);
        audit.record("delegation", id, "delete", Changes.of());
    }
}

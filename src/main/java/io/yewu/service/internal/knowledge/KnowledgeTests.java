package io.yewu.service.internal.knowledge;

import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * KB-2: the kept scores of the agents' knowledge tests as a paged, filtered list (recording is
 * {@code KnowledgeBase.recordScore}): an agent reads its own scores, the shift lead and the service director all.
 */
@Component
class KnowledgeTests {

    record Filter(Long agentId, String q, LocalDate from, LocalDate to) {}

    record Row(long id, long agentId, String agentName, String testName, Long articleId, String articleTitle, BigDecimal score,
               BigDecimal maxScore, LocalDate takenOn, String recordedByName, OffsetDateTime recordedAt) {}

    private static final String SELECT = """
            SELECT s.id, s.agent_id, a.display_name AS agent_name, s.test_name, s.article_id, k.title AS article_title, s.score,
                   s.max_score, s.taken_on, r.display_name AS recorded_by_name, s.recorded_at
            """;

    private final JdbcClient jdbc;

    KnowledgeTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agents see their own scores; the shift lead and the service director everyone's. */
    static boolean seesAll(YewuPrincipal user) {
        return user.hasRole(RoleCode.SHIFT_LEAD) || user.hasRole(RoleCode.SERVICE_DIRECTOR);
    }

    private static String fromWhere(YewuPrincipal user, Filter f, Map<String, Object> params) {
        params.put("c", user.companyId());
        StringBuilder sql = new StringBuilder("""
                 FROM kb_test_score s JOIN app_user a ON a.company_id = s.company_id AND a.id = s.agent_id
                 JOIN app_user r ON r.company_id = s.company_id AND r.id = s.recorded_by
                 LEFT JOIN kb_article k ON k.company_id = s.company_id AND k.id = s.article_id
                 WHERE s.company_id = :c""");
        if (!seesAll(user)) {
            sql.append(" AND s.agent_id = :me");
            params.put("me", user.id());
        } else if (f.agentId() != null) {
            sql.append(" AND s.agent_id = :agent");
            params.put("agent", f.agentId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (s.test_name ILIKE :q OR k.title ILIKE :q)");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.from() != null) { sql.append(" AND s.taken_on >= :from"); params.put("from", f.from()); }
        if (f.to() != null) { sql.append(" AND s.taken_on <= :to"); params.put("to", f.to()); }
        return sql.toString();
    }

    /** The list with its filters and the caller's scope, for a page of it or its export. */
    ListQuery<Row> query(YewuPrincipal user, Filter f) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(user, f, params);
        return new ListQuery<>(jdbc, Row.class, SELECT + fromWhere, fromWhere, params, "s.taken_on DESC, s.id DESC");
    }

    Page<Row> list(YewuPrincipal user, Filter f, PageQuery page) {
        return query(user, f).page(page);
    }
}

package io.yewu.platform.internal.audit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.write.FollowingWrite;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void recordAll(String entityType, String action, Map<?, Changes> byEntityId) {
        if (byEntityId.isEmpty()) return;
        var user = CurrentUser.find();
        long companyId = user.map(u -> u.companyId()).orElseGet(CompanyContext::companyId);
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                SELECT :c, :a, :n, :t, e.id, :act, CAST(e.changes AS jsonb)
                FROM unnest(CAST(:ids AS text[]), CAST(:changes AS text[])) WITH ORDINALITY AS e(id, changes, n) ORDER BY e.n""")
                .param("c", companyId)
                .param("a", user.map(u -> u.id()).orElse(null))
                .param("n", user.map(u -> u.displayName()).orElse("系统 / system"))
                .param("t", entityType).param("act", action)
                .param("ids", byEntityId.keySet().stream().map(String::valueOf).toArray(String[]::new))
                .param("changes", byEntityId.values().stream().map(c -> json.writeValueAsString(body(c))).toArray(String[]::new))
                .update();
    }

    @Override
    public void recordEach(String entityType, Object entityId, java.util.SequencedMap<String, Changes> actions) {
        if (actions.isEmpty()) return;
        var user = CurrentUser.find();
        long companyId = user.map(u -> u.companyId()).orElseGet(CompanyContext::companyId);
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                SELECT :c, :a, :n, :t, :id, e.action, CAST(e.changes AS jsonb)
                FROM unnest(CAST(:actions AS text[]), CAST(:changes AS text[])) WITH ORDINALITY AS e(action, changes, n) ORDER BY e.n""")
                .param("c", companyId)
                .param("a", user.map(u -> u.id()).orElse(null))
                .param("n", user.map(u -> u.displayName()).orElse("系统 / system"))
                .param("t", entityType).param("id", String.valueOf(entityId))
                .param("actions", actions.keySet().toArray(String[]::new))
                .param("changes", actions.values().stream().map(c -> json.writeValueAsString(body(c))).toArray(String[]::new))
                .update();
    }

    private static Map<String, Map<String, Object>> body(Changes changes) {
        Map<String, Map<String, Object>> body = new LinkedHashMap<>();
        changes.asMap().forEach((field, c) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("old", c.old());
            pair.put("new", c.now());
            body.put(field, pair);
        });
        return body;
    }

    @Override
    public FollowingWrite following(String entityType, String action, Changes changes) {
        java.util.SequencedMap<String, Changes> one = new LinkedHashMap<>();
        one.put(action, changes);
        return followingEach(entityType, one);
    }

    @Override
    public FollowingWrite followingEach(String entityType, java.util.SequencedMap<String, Changes> actions) {
        var user = CurrentUser.find();
        long companyId = user.map(u -> u.companyId()).orElseGet(CompanyContext::companyId);
        Long actorId = user.map(u -> u.id()).orElse(null);
        String actorName = user.map(u -> u.displayName()).orElse("系统 / system");
        List<String> names = List.copyOf(actions.keySet());
        List<String> bodies = actions.values().stream().map(c -> json.writeValueAsString(body(c))).toList();
        return (subject, binds) -> {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                values.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(binds.bind(names.get(i), "text"))
                        .append(", ").append(binds.bind(bodies.get(i), "jsonb")).append(')');
            }
            return """
                    INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                    SELECT %s, %s, %s, %s, CAST(%s AS text), e.action, e.changes %s ORDER BY e.n""".formatted(
                    binds.bind(companyId, "bigint"), binds.bind(actorId, "bigint"), binds.bind(actorName, "text"),
                    binds.bind(entityType, "text"), subject.id(),
                    subject.fromWhere("(VALUES " + values + ") AS e(n, action, changes)"));
        };
    }

    @Override
    public void record(String entityType, Object entityId, String action, Changes changes) {
        var user = CurrentUser.find();
        Map<String, Map<String, Object>> body = body(changes);
        long companyId = user.map(u -> u.companyId()).orElseGet(CompanyContext::companyId);
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                VALUES (:c, :a, :n, :t, :id, :act, CAST(:ch AS jsonb))""")
                .param("c", companyId)
                .param("a", user.map(u -> u.id()).orElse(null))
                .param("n", user.map(u -> u.displayName()).orElse("系统 / system"))
                .param("t", entityType).param("id", String.valueOf(entityId)).param("act", action)
                .param("ch", json.writeValueAsString(body))
                .update();
    }
}

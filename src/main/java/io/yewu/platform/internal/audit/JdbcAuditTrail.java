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
        Actor actor = Actor.now();
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                SELECT :c, :a, :n, :t, e.id, :act, CAST(e.changes AS jsonb)
                FROM unnest(CAST(:ids AS text[]), CAST(:changes AS text[])) WITH ORDINALITY AS e(id, changes, n) ORDER BY e.n""")
                .param("c", actor.companyId()).param("a", actor.id()).param("n", actor.name())
                .param("t", entityType).param("act", action)
                .param("ids", byEntityId.keySet().stream().map(String::valueOf).toArray(String[]::new))
                .param("changes", byEntityId.values().stream().map(c -> json.writeValueAsString(body(c))).toArray(String[]::new))
                .update();
    }

    @Override
    public void recordEach(String entityType, Object entityId, java.util.SequencedMap<String, Changes> actions) {
        if (actions.isEmpty()) return;
        Actor actor = Actor.now();
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                SELECT :c, :a, :n, :t, :id, e.action, CAST(e.changes AS jsonb)
                FROM unnest(CAST(:actions AS text[]), CAST(:changes AS text[])) WITH ORDINALITY AS e(action, changes, n) ORDER BY e.n""")
                .param("c", actor.companyId()).param("a", actor.id()).param("n", actor.name())
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
        Actor actor = Actor.now();
        List<Object[]> rows = actions.entrySet().stream()
                .map(e -> new Object[]{e.getKey(), json.writeValueAsString(body(e.getValue()))}).toList();
        return (subject, binds) -> """
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                SELECT %s, %s, %s, %s, CAST(%s AS text), e.action, e.changes %s ORDER BY e.n""".formatted(
                binds.bind(actor.companyId(), "bigint"), binds.bind(actor.id(), "bigint"), binds.bind(actor.name(), "text"),
                binds.bind(entityType, "text"), subject.id(),
                subject.fromWhere("(" + binds.values(rows, "text", "jsonb") + ") AS e(n, action, changes)"));
    }

    /** Who a change is recorded for: the logged-in user, or the system (timed work) in the current company. */
    private record Actor(long companyId, Long id, String name) {
        static Actor now() {
            var user = CurrentUser.find();
            return new Actor(user.map(u -> u.companyId()).orElseGet(CompanyContext::companyId), user.map(u -> u.id()).orElse(null),
                    user.map(u -> u.displayName()).orElse("系统 / system"));
        }
    }

    @Override
    public void record(String entityType, Object entityId, String action, Changes changes) {
        Actor actor = Actor.now();
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                VALUES (:c, :a, :n, :t, :id, :act, CAST(:ch AS jsonb))""")
                .param("c", actor.companyId()).param("a", actor.id()).param("n", actor.name())
                .param("t", entityType).param("id", String.valueOf(entityId)).param("act", action)
                .param("ch", json.writeValueAsString(body(changes)))
                .update();
    }
}

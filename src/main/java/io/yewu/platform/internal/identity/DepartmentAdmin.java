package io.yewu.platform.internal.identity;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The department tree. Paths are materialised ('/1/4/') so scope checks are one prefix match. */
@Allow(RoleCode.ADMIN)
@RestController
@RequestMapping("/api/admin/departments")
class DepartmentAdmin {

    record DepartmentInput(@NotBlank @Size(max = 50) String name, Long parentId, Long managerId, long version) {}

    record Node(long id, String name, Long parentId, Long managerId, String managerName, long version,
                List<Node> children) {}

    private record Row(long id, String name, Long parentId, Long managerId, String managerName, long version, String path) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DepartmentAdmin(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping
    List<Node> tree() {
        List<Row> rows = jdbc.sql("""
                SELECT d.id, d.name, d.parent_id, d.manager_id, m.display_name AS manager_name, d.version, d.path
                FROM department d LEFT JOIN app_user m ON m.id = d.manager_id
                WHERE d.company_id = :c ORDER BY d.path""")
                .param("c", CurrentUser.get().companyId()).query(Row.class).list();
        Map<Long, Node> nodes = new LinkedHashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Row r : rows) { // ordered by path: parents come first
            Node n = new Node(r.id(), r.name(), r.parentId(), r.managerId(), r.managerName(), r.version(), new ArrayList<>());
            nodes.put(r.id(), n);
            Node parent = r.parentId() == null ? null : nodes.get(r.parentId());
            if (parent == null) roots.add(n); else parent.children().add(n);
        }
        return roots;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Long> create(@Valid @RequestBody DepartmentInput in) {
        YewuPrincipal me = CurrentUser.get();
        String parentPath = in.parentId() == null ? "/" : path(me, in.parentId(), "parentId");
        requireUser(me, in.managerId());
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO department (company_id, parent_id, name, manager_id) VALUES (:c, :p, :n, :m) RETURNING id""")
                    .param("c", me.companyId()).param("p", in.parentId()).param("n", in.name().trim())
                    .param("m", in.managerId()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("name", "taken");
        }
        jdbc.sql("UPDATE department SET path = :path WHERE id = :id").param("path", parentPath + id + "/").param("id", id).update();
        audit.record("department", id, "create", Changes.of().created("name", in.name()).created("parentId", in.parentId()));
        return Map.of("id", id);
    }

    @PutMapping("/{id}")
    @Transactional
    Map<String, Long> update(@PathVariable long id, @Valid @RequestBody DepartmentInput in) {
        YewuPrincipal me = CurrentUser.get();
        Row before = row(me, id);
        requireUser(me, in.managerId());
        String newPath = (in.parentId() == null ? "/" : path(me, in.parentId(), "parentId")) + id + "/";
        if (in.parentId() != null && newPath.length() > before.path().length() && newPath.startsWith(before.path())) {
            throw ProblemException.conflict("department-cycle");
        }
        try {
            Versions.requireUpdated(jdbc.sql("""
                    UPDATE department SET name = :n, parent_id = :p, manager_id = :m, version = version + 1
                    WHERE id = :id AND company_id = :c AND version = :v""")
                    .param("n", in.name().trim()).param("p", in.parentId()).param("m", in.managerId())
                    .param("id", id).param("c", me.companyId()).param("v", in.version()).update());
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("name", "taken");
        }
        if (!newPath.equals(before.path())) { // move the whole subtree
            jdbc.sql("UPDATE department SET path = :new || substr(path, length(:old) + 1) WHERE company_id = :c AND starts_with(path, :old)")
                    .param("new", newPath).param("old", before.path()).param("c", me.companyId()).update();
        }
        audit.record("department", id, "update", Changes.of().put("name", before.name(), in.name().trim())
                .put("parentId", before.parentId(), in.parentId()).put("managerId", before.managerId(), in.managerId()));
        return Map.of("id", id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable long id) {
        YewuPrincipal me = CurrentUser.get();
        Row before = row(me, id);
        long used = jdbc.sql("""
                SELECT (SELECT count(*) FROM department WHERE parent_id = :id AND company_id = :c)
                     + (SELECT count(*) FROM app_user WHERE department_id = :id AND company_id = :c)""")
                .param("id", id).param("c", me.companyId()).query(Long.class).single();
        if (used > 0) throw ProblemException.conflict("department-not-empty");
        jdbc.sql("DELETE FROM department WHERE id = :id AND company_id = :c").param("id", id).param("c", me.companyId()).update();
        audit.record("department", id, "delete", Changes.of().put("name", before.name(), null));
    }

    private Row row(YewuPrincipal me, long id) {
        return jdbc.sql("""
                SELECT d.id, d.name, d.parent_id, d.manager_id, NULL AS manager_name, d.version, d.path
                FROM department d WHERE d.id = :id AND d.company_id = :c""")
                .param("id", id).param("c", me.companyId()).query(Row.class).optional()
                .orElseThrow(() -> ProblemException.notFound("department " + id));
    }

    private String path(YewuPrincipal me, long id, String field) {
        return jdbc.sql("SELECT path FROM department WHERE id = :id AND company_id = :c")
                .param("id", id).param("c", me.companyId()).query(String.class).optional()
                .orElseThrow(() -> ProblemException.invalid(field, "unknown", id));
    }

    private void requireUser(YewuPrincipal me, Long userId) {
        if (userId == null) return;
        boolean exists = jdbc.sql("SELECT count(*) FROM app_user WHERE id = :id AND company_id = :c")
                .param("id", userId).param("c", me.companyId()).query(Long.class).single() == 1;
        if (!exists) throw ProblemException.invalid("managerId", "unknown", userId);
    }
}

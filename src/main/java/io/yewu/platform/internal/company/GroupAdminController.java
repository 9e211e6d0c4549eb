package io.yewu.platform.internal.company;

import io.yewu.platform.internal.security.Passwords;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The group administrator creates companies (PLT-11); each gets its own administrator, who then manages that
 * company's users and settings. Nothing else crosses companies.
 */
@RestController
@RequestMapping("/api/group/companies")
@Allow(RoleCode.GROUP_ADMIN)
class GroupAdminController {

    record NewCompany(@NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
                      @NotBlank @Size(max = 100) String name,
                      @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.@-]+") String adminUsername,
                      @NotBlank String adminPassword) {}

    record CompanyView(long id, String code, String name) {}

    private final CompanyProvisioning provisioning;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    GroupAdminController(CompanyProvisioning provisioning, JdbcClient jdbc, PasswordEncoder encoder) {
        this.provisioning = provisioning;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @GetMapping
    List<CompanyView> list() {
        return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id, code, name FROM company ORDER BY id")
                .query(CompanyView.class).list());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CompanyView create(@Valid @RequestBody NewCompany in) {
        Passwords.requireStrong("adminPassword", in.adminPassword());
        boolean nameTaken = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT count(*) FROM app_user WHERE lower(username) = lower(:u)")
                .param("u", in.adminUsername()).query(Long.class).single() > 0);
        if (nameTaken) throw ProblemException.invalid("adminUsername", "taken");
        CompanyProvisioning.Created created;
        try {
            created = provisioning.create(in.code(), in.name().trim(), in.name().trim(),
                    (companyId, rootDepartment) -> jdbc.sql("""
                            WITH u AS (INSERT INTO app_user (company_id, username, password_hash, display_name, department_id)
                                       VALUES (:c, :u, :h, :n, :d) RETURNING id)
                            INSERT INTO user_role (company_id, user_id, role_id)
                            SELECT :c, u.id, r.id FROM u, role r WHERE r.company_id = :c AND r.code = 'ADMIN'""")
                            .param("c", companyId).param("u", in.adminUsername()).param("h", encoder.encode(in.adminPassword()))
                            .param("n", in.adminUsername()).param("d", rootDepartment).update());
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("code", "taken");
        }
        return new CompanyView(created.companyId(), in.code(), in.name().trim());
    }
}

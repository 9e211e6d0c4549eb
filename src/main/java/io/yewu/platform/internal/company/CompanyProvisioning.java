package io.yewu.platform.internal.company;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Creates a company with its root department, the rulebook's roles and every part's defaults (PLT-11). */
@Service
public class CompanyProvisioning {

    public record Created(long companyId, long rootDepartmentId) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<CompanySetup> setups;

    CompanyProvisioning(JdbcClient jdbc, TransactionTemplate tx, List<CompanySetup> setups) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.setups = setups;
    }

    /** What the caller adds inside the same transaction, e.g. the company's first administrator. */
    public interface Populate {
        void populate(long companyId, long rootDepartmentId);
    }

    /** One transaction: the company row and everything it starts with, or nothing. */
    public Created create(String code, String name, String rootDepartmentName, Populate populate) {
        return CompanyContext.callAsSystem(() -> tx.execute(status -> {
            long companyId = jdbc.sql("INSERT INTO company (code, name) VALUES (:code, :name) RETURNING id")
                    .param("code", code).param("name", name).query(Long.class).single();
            return CompanyContext.callAs(companyId, () -> setUp(companyId, rootDepartmentName, populate));
        }));
    }

    private Created setUp(long companyId, String rootDepartmentName, Populate populate) {
        long root = jdbc.sql("INSERT INTO department (company_id, name) VALUES (:c, :n) RETURNING id")
                .param("c", companyId).param("n", rootDepartmentName).query(Long.class).single();
        jdbc.sql("UPDATE department SET path = '/' || id || '/' WHERE id = :id").param("id", root).update();
        for (RoleCode role : RoleCode.values()) {
            jdbc.sql("INSERT INTO role (company_id, code, name_zh, name_en, data_scope) VALUES (:c, :code, :zh, :en, :s)")
                    .param("c", companyId).param("code", role.name()).param("zh", role.zh()).param("en", role.en())
                    .param("s", role.defaultScope().name()).update();
        }
        setups.forEach(s -> s.setUp(companyId));
        populate.populate(companyId, root);
        return new Created(companyId, root);
    }
}

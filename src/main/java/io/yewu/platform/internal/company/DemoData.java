package io.yewu.platform.internal.company;

import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

import static io.yewu.platform.security.RoleCode.*;

/**
 * On first start, the demo company 演示公司 with the departments of the rulebook and one user per role
 * (password {@value #PASSWORD}). Runs once: a database that already has the company is left alone. Then
 * {@link DemoCompanyCreated} lets each capability add its own demo data. {@code yewu.demo-data=false} turns it off,
 * read at start rather than as a bean condition, so that the build's Spring AOT (decision 0046) does not fix it.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Yewu@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record Person(String username, String name, String department, RoleCode... roles) {}

    private static final Person[] PEOPLE = {
            new Person("admin", "系统管理员", "行政部", ADMIN, GROUP_ADMIN),
            new Person("gm", "王总", "总经理室", GENERAL_MANAGER),
            new Person("manager", "李经理", "业务部", BUSINESS_MANAGER),
            new Person("sales1", "张伟", "业务一组", SALESPERSON),
            new Person("sales2", "刘洋", "业务一组", SALESPERSON),
            new Person("sales3", "陈静", "业务二组", SALESPERSON),
            new Person("sales4", "杨帆", "业务二组", SALESPERSON),
            new Person("promoter", "赵敏", "业务部", NETWORK_PROMOTER),
            new Person("finance", "孙会计", "财务部", FINANCE),
            new Person("cashier", "周出纳", "财务部", CASHIER),
            new Person("cfo", "吴总监", "财务部", FINANCE_DIRECTOR),
            new Person("office", "郑行政", "行政部", ADMINISTRATION),
            new Person("agent1", "钱小红", "客服部", SERVICE_AGENT),
            new Person("agent2", "冯小兰", "客服部", SERVICE_AGENT),
            new Person("shiftlead", "褚班长", "客服部", SHIFT_LEAD),
            new Person("qc", "卫质检", "客服部", QC_INSPECTOR),
            new Person("revisit", "蒋回访", "客服部", RETURN_VISIT),
            new Person("editor", "沈采编", "客服部", KNOWLEDGE_EDITOR),
            new Person("servicedir", "韩主任", "客服部", SERVICE_DIRECTOR),
            new Person("mktdir", "朱总监", "营销中心", MARKETING_DIRECTOR),
            new Person("mktmgr", "秦经理", "营销中心", MARKET_MANAGER),
            new Person("accmgr", "尤经理", "营销中心", ACCOUNT_MANAGER),
            new Person("retailer", "许老板", "营销中心", RETAILER),
            new Person("warehouse", "何库管", "行政部", WAREHOUSE),
    };

    private final CompanyProvisioning companies;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final boolean enabled;

    DemoData(CompanyProvisioning companies, JdbcClient jdbc, PasswordEncoder encoder, ApplicationEventPublisher events,
             @Value("${yewu.demo-data:true}") boolean enabled) {
        this.enabled = enabled;
        this.companies = companies;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) return;
        boolean exists = CompanyContext.callAsSystem(() -> jdbc.sql("SELECT count(*) FROM company WHERE code = 'DEMO'")
                .query(Long.class).single() > 0);
        if (exists) return;
        var created = companies.create("DEMO", "演示公司", "总经理室", this::populate);
        events.publishEvent(new DemoCompanyCreated(created.companyId()));
        log.info("Demo company created: log in as admin / {} (and sales1, manager, gm, … with the same password)", PASSWORD);
    }

    private void populate(long c, long rootDepartmentId) {
        Map<String, Long> departments = new HashMap<>();
        departments.put("总经理室", rootDepartmentId);
        department(c, departments, "业务部", "总经理室");
        department(c, departments, "业务一组", "业务部");
        department(c, departments, "业务二组", "业务部");
        for (String d : new String[]{"客服部", "财务部", "营销中心", "行政部"}) department(c, departments, d, "总经理室");

        String hash = encoder.encode(PASSWORD); // one hash for all demo users keeps first start fast
        Map<String, Long> users = new HashMap<>();
        for (Person p : PEOPLE) {
            long id = jdbc.sql("""
                    INSERT INTO app_user (company_id, username, password_hash, display_name, department_id)
                    VALUES (:c, :u, :h, :n, :d) RETURNING id""")
                    .param("c", c).param("u", p.username()).param("h", hash).param("n", p.name())
                    .param("d", departments.get(p.department())).query(Long.class).single();
            users.put(p.username(), id);
            for (RoleCode role : p.roles()) {
                jdbc.sql("INSERT INTO user_role (company_id, user_id, role_id) SELECT :c, :u, id FROM role WHERE company_id = :c AND code = :r")
                        .param("c", c).param("u", id).param("r", role.name()).update();
            }
        }
        manage(departments.get("总经理室"), users.get("gm"));
        manage(departments.get("业务部"), users.get("manager"));
        manage(departments.get("客服部"), users.get("servicedir"));
        manage(departments.get("财务部"), users.get("cfo"));
        manage(departments.get("营销中心"), users.get("mktdir"));
        manage(departments.get("行政部"), users.get("office"));
    }

    private void department(long c, Map<String, Long> departments, String name, String parent) {
        long parentId = departments.get(parent);
        long id = jdbc.sql("""
                INSERT INTO department (company_id, parent_id, name, sort_order) VALUES (:c, :p, :n, :o) RETURNING id""")
                .param("c", c).param("p", parentId).param("n", name).param("o", departments.size()).query(Long.class).single();
        jdbc.sql("UPDATE department SET path = (SELECT path FROM department WHERE id = :p) || :id || '/' WHERE id = :id")
                .param("p", parentId).param("id", id).update();
        departments.put(name, id);
    }

    private void manage(long departmentId, long userId) {
        jdbc.sql("UPDATE department SET manager_id = :u WHERE id = :d").param("u", userId).param("d", departmentId).update();
    }
}

package io.yewu.customer;

import io.yewu.platform.internal.scheduling.CompanyJobs;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** CUS-3 dormancy and CUS-9 pool return, run by the nightly job against the settings in force. */
class CustomerLifecycleIT extends IntegrationTest {

    @Autowired
    CompanyJobs jobs;

    /** One company's run of the nightly job, as db-scheduler starts it: own transaction, under the company's wall. */
    private void runNightly(long companyId) {
        jobs.run(new CompanyJobs.Run("customer.lifecycle", companyId, Instant.now()));
    }

    private String stage(long id) {
        return asSystem(() -> jdbc.sql("SELECT stage || '/' || coalesce(owner_id::text, 'pool') FROM customer WHERE id = :id")
                .param("id", id).query(String.class).single());
    }

    @Test
    void CUS3_CUS9_dormantCustomersAndNeglectedOnesAreHandledNightlyOnlyWhenEnabled() {
        var sales1 = login("sales1");
        long ordered = sales1.post("/api/customers", CustomerFilingIT.customer(unique("老客户"), mobile())).json().path("id").asLong();
        long neglected = sales1.post("/api/customers", CustomerFilingIT.customer(unique("冷落客户"), mobile())).json().path("id").asLong();
        asSystem(() -> jdbc.sql("""
                UPDATE customer SET stage = 'ACTIVE', last_order_at = now() - interval '200 days' WHERE id = :ordered;
                UPDATE customer_ownership SET valid_from = now() - interval '120 days' WHERE customer_id = :neglected;
                """).param("ordered", ordered).param("neglected", neglected).update());
        long company = asSystem(() -> jdbc.sql("SELECT company_id FROM customer WHERE id = :id").param("id", ordered)
                .query(Long.class).single());

        runNightly(company);
        assertThat(stage(ordered)).startsWith("DORMANT");
        assertThat(stage(neglected)).startsWith("INTENTION/"); // pool return is off by default

        var admin = login("admin");
        var setting = admin.post("/api/admin/settings/customer.pool-return.enabled", Map.of("value", true));
        assertThat(setting.status()).as(setting.body()).isIn(200, 201);
        try {
            runNightly(company);
            assertThat(stage(neglected)).isEqualTo("LEAD/pool");
            String decision = asSystem(() -> jdbc.sql("SELECT hits::text FROM decision_record WHERE subject_id = :id AND kind = 'pool-return'")
                    .param("id", String.valueOf(neglected)).query(String.class).single());
            assertThat(decision).contains("CUS-9");
            assertThat(sales1.get("/api/customers/" + neglected).json().path("customer").path("contacts").get(0).path("phone").asString())
                    .contains("****"); // back in the pool: no longer the salesperson's
        } finally {
            admin.post("/api/admin/settings/customer.pool-return.enabled", Map.of("value", false));
        }
    }
}

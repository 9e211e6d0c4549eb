package io.yewu.customer.internal;

import io.yewu.YewuApplication;
import io.yewu.platform.security.CompanyContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code YEWU_DEMO_DATA=false}: a first start leaves the installation empty — no demo company, users or customers. */
class DemoDataOffIT {

    @Test
    void withoutDemoDataTheFirstStartCreatesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("yewu-no-demo");
        // the documented variable, resolved like an environment variable by application.yml's ${YEWU_DEMO_DATA:true}
        try (var app = new SpringApplicationBuilder(YewuApplication.class).run("--server.port=0", "--yewu.data-dir=" + dataDir,
                "--yewu.db.url=", "--yewu.db.durable=false", "--yewu.scheduler.enabled=false", "--YEWU_DEMO_DATA=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            for (String table : new String[]{"company", "app_user", "customer", "follow_up", "visit_route", "approval_request"}) {
                long rows = CompanyContext.callAsSystem(() -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
                assertThat(rows).as(table).isZero();
            }
        }
    }
}

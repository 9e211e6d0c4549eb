package io.yewu.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * Base for integration tests: the whole application on a real PostgreSQL (embedded, fresh per test JVM, fsync
 * off for speed; or the server in YEWU_TEST_DB_URL) with the demo company, reached over real HTTP. The company
 * starts with its users and departments but without the generated customer book ({@code yewu.demo-data.customers=0}),
 * so tests count what they create; {@code DemoDataIT} turns the book on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yewu.data-dir=${java.io.tmpdir}/yewu-it-${random.uuid}",
        "yewu.db.durable=false",
        "yewu.db.url=${YEWU_TEST_DB_URL:}",
        "yewu.db.user=${YEWU_TEST_DB_USER:postgres}",
        "yewu.db.password=${YEWU_TEST_DB_PASSWORD:}",
        "yewu.login.max-failures=5",
        "yewu.demo-data.customers=0"
})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** A logged-in HTTP client for a demo user (password Yewu@2026). */
    protected Api login(String username) {
        return Api.at(port).login(username, "Yewu@2026");
    }

    /** Direct SQL for assertions, across the company wall (tests have no logged-in company). */
    protected <T> T asSystem(java.util.function.Supplier<T> work) {
        return io.yewu.platform.security.CompanyContext.callAsSystem(work);
    }

    protected Api anonymous() {
        return Api.at(port);
    }
}

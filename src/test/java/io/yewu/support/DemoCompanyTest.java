package io.yewu.support;

import io.yewu.platform.demo.DemoWork;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company as a first start leaves it, on a fresh embedded database of its own (even where the other tests
 * share an external one): the customer book (decision 0011), then — once the application is ready — the catalogue
 * and the order to cash (decision 0025), which each test waits for. The tests only read it, so they share it.
 */
public abstract class DemoCompanyTest extends IntegrationTest {

    @DynamicPropertySource
    static void demoCompany(DynamicPropertyRegistry registry) {
        registry.add("yewu.demo-data.customers", () -> "300");
        registry.add("yewu.db.url", () -> "");
    }

    @Autowired
    private DemoWork demoWork;

    @BeforeEach
    void demoGenerated() throws InterruptedException {
        assertThat(demoWork.awaitDone(Duration.ofMinutes(3))).as("demo data generated").isTrue();
    }
}

package io.yewu.support;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Integration tests of the platform's timed and approval machinery: the poller is off so tests drive time
 * themselves through the runners, and the fixtures stand in for business capabilities.
 */
@Import(PlatformFixtures.class)
@TestPropertySource(properties = "yewu.scheduler.enabled=false")
public abstract class PlatformIntegrationTest extends IntegrationTest {
}

package io.yewu.platform.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Decision 0025: queued demo work waits for the start, runs in order, and a name queued twice runs once. */
class DemoWorkTest {

    @Test
    void workWaitsForTheStartRunsInOrderAndOncePerName() throws Exception {
        DemoWork work = new DemoWork();
        List<String> ran = new CopyOnWriteArrayList<>();
        work.afterStart("catalogue", () -> ran.add("catalogue"));
        work.afterStart("orders", () -> ran.add("orders"));
        work.afterStart("catalogue", () -> ran.add("catalogue again")); // a start that found it missing, same run
        Thread.sleep(100);
        assertThat(ran).as("nothing before the application is ready").isEmpty();
        work.onReady();
        assertThat(work.awaitDone(Duration.ofSeconds(5))).isTrue();
        assertThat(ran).containsExactly("catalogue", "orders");
        work.stop();
    }
}

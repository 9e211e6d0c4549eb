package io.yewu.platform.scheduling;

import java.time.Instant;
import java.util.Map;

/**
 * Schedules one-off work for the current company, in the caller's transaction: a task scheduled by a write that
 * rolls back never fires.
 */
public interface DueTasks {

    /**
     * Runs the {@link DueTaskHandler} of {@code kind} at or soon after {@code dueAt}. A pending task with the same
     * kind and key is replaced, so re-scheduling a reminder moves it instead of adding a second one.
     */
    void schedule(String kind, String key, Instant dueAt, Map<String, Object> payload);

    /** Drops the pending task of that kind and key, if any. */
    void cancel(String kind, String key);
}

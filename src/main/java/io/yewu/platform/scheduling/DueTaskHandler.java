package io.yewu.platform.scheduling;

/**
 * Runs due tasks of one kind. Called inside the transaction that claimed the task and in its company's context;
 * throwing rolls the handler's writes back and retries later with backoff, up to a limit.
 */
public interface DueTaskHandler {

    String kind();

    void handle(DueTask task);
}

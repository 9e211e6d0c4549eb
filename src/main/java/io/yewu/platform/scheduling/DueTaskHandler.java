package io.yewu.platform.scheduling;

/**
 * Runs due tasks of one kind. Called inside the transaction that claimed the task and in its company's context;
 * throwing rolls the handler's writes back and retries later with backoff, up to a limit.
 */
public interface DueTaskHandler {

    String kind();

    void handle(DueTask task);

    /**
     * Whether {@link #handleAll} runs many tasks in fewer statements than one {@link #handle} each. The runner then
     * hands it a transaction's consecutive tasks of this kind under one savepoint; when that fails it runs them one
     * by one, so a failing task still fails alone.
     */
    default boolean batches() {
        return false;
    }

    /** Runs several tasks of one company, in due order, as one unit: all of them or (by throwing) none. */
    default void handleAll(java.util.List<DueTask> tasks) {
        tasks.forEach(this::handle);
    }
}

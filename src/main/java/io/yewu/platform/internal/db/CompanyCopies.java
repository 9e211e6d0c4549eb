package io.yewu.platform.internal.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * When a node's in-memory copies of a company's data (its settings, its calendar) are dropped, for a cache that
 * {@link DatabaseNotifications} keeps current (decision 0030, 0042):
 * <ul>
 *   <li>a notification names the company whose data changed (any node or tool wrote it): that copy is dropped;
 *       an unreadable one, or notifications lost, drop them all;</li>
 *   <li>a transaction that writes the data reads the database from then on ({@link #writtenInThisTransaction}) and
 *       the copy is dropped again when it ends, committed or not, so the writer never waits for the notification;</li>
 *   <li>every drop moves an epoch: a copy read while a drop happened is not kept ({@link #unchangedSince}), so a
 *       slow read can never put back what a notification just removed.</li>
 * </ul>
 */
public final class CompanyCopies {

    /** A cache whose copies these are: it names its channel, and notifications reach its copies. */
    public interface Owner extends DatabaseNotifications.Listener {

        CompanyCopies copies();

        @Override
        default void notified(String payload) {
            copies().notified(payload);
        }

        @Override
        default void lost() {
            copies().lost();
        }
    }

    private final AtomicLong epoch = new AtomicLong();
    private final LongConsumer dropOne;
    private final Runnable dropAll;

    /** The transaction-bound mark of a write, one per cache and company. */
    private record Written(CompanyCopies copies, long company) {}

    public CompanyCopies(LongConsumer dropOne, Runnable dropAll) {
        this.dropOne = dropOne;
        this.dropAll = dropAll;
    }

    /** The epoch before reading the database, to pass to {@link #unchangedSince} before keeping what was read. */
    public long epoch() {
        return epoch.get();
    }

    public boolean unchangedSince(long epochBefore) {
        return epoch.get() == epochBefore;
    }

    public boolean writtenInThisTransaction(long company) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.hasResource(new Written(this, company));
    }

    /** The company's data was written in this transaction (or, outside one, just now). */
    public void written(long company) {
        drop(company);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        Written marker = new Written(this, company);
        if (TransactionSynchronizationManager.hasResource(marker)) return;
        TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(marker);
                drop(company);
            }
        });
    }

    public void drop(long company) {
        epoch.incrementAndGet();
        dropOne.accept(company);
    }

    /** A notification's payload: the company id as text. */
    public void notified(String payload) {
        try {
            drop(Long.parseLong(payload.strip()));
        } catch (NumberFormatException e) {
            lost();
        }
    }

    public void lost() {
        epoch.incrementAndGet();
        dropAll.run();
    }
}

package io.yewu.platform.transfer;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CSV (UTF-8 with or without BOM, or GBK as Chinese Excel saves it) or .xlsx file by its headers,
 * validates every row first, then writes in batches inside one transaction.
 * A file that cannot be read as a table at all (empty, not CSV/.xlsx, a required column missing, an unknown
 * column) is refused with 400 and a clear code; rows with errors are reported row by row.
 */
public interface Importer {

    int BATCH_SIZE = 500;

    /**
     * @param writer called with the valid records, {@value #BATCH_SIZE} at a time, in the caller's company and one
     *               transaction; write each batch with one statement
     * @throws io.yewu.platform.web.ProblemException 422 {@code import-has-errors} in ALL_OR_NOTHING mode when any
     *               row has an error (nothing written)
     */
    default <T> ImportResult importFile(ImportSpec<T> spec, String fileName, byte[] content, ImportMode mode, Consumer<List<T>> writer) {
        return importFile(spec, fileName, content, mode, writer, validRows -> {});
    }

    /** The same, telling {@code beforeWriting} how many valid rows will be written (a progress bar's total). */
    <T> ImportResult importFile(ImportSpec<T> spec, String fileName, byte[] content, ImportMode mode, Consumer<List<T>> writer,
                                java.util.function.IntConsumer beforeWriting);

    /** What a {@link #importRecords} writer wrote: the records written and the rows its rules refused. */
    record Written(int imported, List<ImportSpec.Refusal> refused) {

        public Written {
            refused = List.copyOf(refused);
        }
    }

    /**
     * For records whose own rules must run as they are written (an order through the order path, a receipt through
     * settlement) or that are written set-based at once (a price list): every row is checked first; then, in one
     * transaction, {@code writer} gets all valid records and answers what it wrote and which rows its rules refused.
     * In {@code ALL_OR_NOTHING} mode nothing is written when any row has an error, whether the check found it or the
     * writer's rules did: the valid rows still go through the writer, so that the report lists every error, and the
     * transaction is then rolled back. The result lists every error either way, never a 422.
     */
    <T> ImportResult importRecords(ImportSpec<T> spec, String fileName, byte[] content, ImportMode mode,
                                   java.util.function.Function<List<T>, Written> writer, ImportProgress progress);

    /**
     * Runs one record's writes inside {@link #importRecords}'s transaction in a savepoint: when its rules refuse it
     * (a {@link io.yewu.platform.web.ProblemException}) only its own writes are undone and the refusal is answered.
     */
    java.util.Optional<io.yewu.platform.web.ProblemException> attempt(Runnable write);

    /** Validation only, nothing written: for the downloadable error report. */
    <T> ImportResult check(ImportSpec<T> spec, String fileName, byte[] content);
}

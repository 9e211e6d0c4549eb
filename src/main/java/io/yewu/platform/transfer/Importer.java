package io.yewu.platform.transfer;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Reads a CSV (UTF-8 with or without BOM, or GBK as Chinese Excel saves it) or .xlsx file by its headers, a row at a
 * time from the file on disk, validates every row first, then writes in batches inside one transaction.
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
    default <T> ImportResult importFile(Supplier<ImportSpec<T>> spec, ImportFile file, ImportMode mode, Consumer<List<T>> writer) {
        return importFile(spec, file, mode, writer, validRows -> {});
    }

    /** The same, telling {@code beforeWriting} how many valid rows will be written (a progress bar's total). */
    <T> ImportResult importFile(Supplier<ImportSpec<T>> spec, ImportFile file, ImportMode mode, Consumer<List<T>> writer,
                                IntConsumer beforeWriting);

    /**
     * {@link #importFile}, but in ALL_OR_NOTHING mode a file with errors answers its row report (nothing written,
     * {@code imported} 0) rather than a 422.
     *
     * <p>Memory stays flat whatever the file's length (issue 9): the file is read twice, a row at a time. The first
     * pass parses every row's cells and runs the spec's check a thousand rows at a time, keeping only the errors and
     * the numbers of the rows that have one; the second, only when something is to be written, parses the cells
     * again with a fresh spec from {@code spec} (its cell parsers may remember earlier rows, as an in-file duplicate
     * guard does, so each pass needs its own) and hands the records of the rows the first pass passed to
     * {@code writer}, {@value #BATCH_SIZE} at a time, in one transaction. The second pass does not run the check
     * again, so a record must be made from its row's cells alone.
     */
    <T> ImportResult importOrReport(Supplier<ImportSpec<T>> spec, ImportFile file, ImportMode mode, Consumer<List<T>> writer,
                                    IntConsumer beforeWriting);

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
     * transaction is then rolled back. The result lists every error either way, never a 422. The file is read a row
     * at a time, but the parsed rows are all kept until the writer has them.
     */
    <T> ImportResult importRecords(ImportSpec<T> spec, ImportFile file, ImportMode mode,
                                   java.util.function.Function<List<T>, Written> writer, ImportProgress progress);

    /**
     * Runs one record's writes inside {@link #importRecords}'s transaction in a savepoint: when its rules refuse it
     * (a {@link io.yewu.platform.web.ProblemException}) only its own writes are undone and the refusal is answered.
     */
    java.util.Optional<io.yewu.platform.web.ProblemException> attempt(Runnable write);

    /** Validation only, nothing written, the file read once a row at a time: for the downloadable error report. */
    <T> ImportResult check(ImportSpec<T> spec, ImportFile file);
}

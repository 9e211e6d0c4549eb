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

    /** Validation only, nothing written: for the downloadable error report. */
    <T> ImportResult check(ImportSpec<T> spec, String fileName, byte[] content);
}

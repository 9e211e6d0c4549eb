package io.yewu.platform.transfer;

import io.yewu.platform.security.YewuPrincipal;
import org.springframework.web.multipart.MultipartFile;

import java.util.Locale;

/**
 * Every import of every kind runs as a job of its uploader (PLT-10): in the request ({@link #run}, for a short file)
 * or in the background ({@link #start}, the UI polls {@code GET /api/import-jobs/{id}} for its progress). Either way
 * the job keeps its result for an hour, so its row report can be downloaded
 * ({@code GET /api/import-jobs/{id}/report}); only its uploader sees it. docs/decisions/0026-imports.md.
 */
public interface ImportJobs {

    enum State { CHECKING, WRITING, DONE, FAILED }

    /** What the UI shows: the state, records written of the records to write, and the answer once done. */
    record Status(String id, State state, int written, int total, ImportAnswer answer) {}

    /** Runs the import on this thread, as the caller, and answers once it is done. */
    ImportAnswer run(YewuPrincipal user, Locale locale, ImportTask task);

    /** Starts the import on its own thread, as the caller, and answers at once (202 with the job to poll). */
    Status start(YewuPrincipal user, Locale locale, ImportTask task);

    /** A capability's import of one file (kept on disk while it runs), as its upload endpoints call it. */
    @FunctionalInterface
    interface FileImport {
        ImportResult run(YewuPrincipal user, ImportFile file, ImportMode mode, ImportProgress progress);
    }

    /** {@link #run} of an uploaded file by the current user (an empty upload is a 400); the file is deleted after. */
    ImportAnswer run(MultipartFile file, ImportMode mode, Locale locale, FileImport imports);

    /** {@link #start} of an uploaded file by the current user (an empty upload is a 400); deleted when the job ends. */
    Status start(MultipartFile file, ImportMode mode, Locale locale, FileImport imports);
}

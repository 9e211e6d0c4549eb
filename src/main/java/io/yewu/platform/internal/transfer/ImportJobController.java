package io.yewu.platform.internal.transfer;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportReport;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Locale;

/**
 * PLT-10: the progress and the row report of an import of any kind. Every logged-in user may ask, but a job is
 * its uploader's alone: anyone else's (or none) answers 404, so the role that may import is checked where the
 * import starts.
 */
@RestController
@Allow(anyUser = true)
class ImportJobController {

    private final DefaultImportJobs jobs;

    ImportJobController(DefaultImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/import-jobs/{id}")
    ImportJobs.Status job(@PathVariable String id) {
        return jobs.job(CurrentUser.get(), id).status();
    }

    /** Every error of the job, row by row, in both languages, as a spreadsheet (409 while it is still running). */
    @GetMapping("/api/import-jobs/{id}/report")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id, Locale locale) {
        DefaultImportJobs.Job job = jobs.job(CurrentUser.get(), id);
        if (job.result == null) throw ProblemException.conflict("import-running");
        return ImportReport.xlsx(job.result, locale);
    }
}

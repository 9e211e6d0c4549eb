package io.yewu.customer.internal;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports running in the background for the UI's progress bar (issue 9): the upload answers 202 with a job id at
 * once, the import runs on its own thread as the uploader (same checks, one transaction, same row report), and
 * the UI polls {@code GET /api/import-jobs/{id}}. Jobs live in this node's memory for an hour after they start
 * (docs/decisions/0019-bulk-and-start.md); only their uploader sees them.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    enum State { CHECKING, WRITING, DONE, FAILED }

    /** What the UI shows: the state, rows written of the rows to write, and the answer once done. */
    record Status(String id, State state, int written, int total, ImportController.Answer answer) {}

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final long companyId;
        final long userId;
        final Instant started = Instant.now();
        final AtomicInteger written = new AtomicInteger();
        volatile State state = State.CHECKING;
        volatile int total;
        volatile ImportController.Answer answer;
        volatile ProblemException problem;

        Job(YewuPrincipal user) {
            this.companyId = user.companyId();
            this.userId = user.id();
        }

        Status status() {
            return new Status(id, state, written.get(), total, answer);
        }
    }

    private final CustomerImport imports;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    ImportJobs(CustomerImport imports) {
        this.imports = imports;
    }

    Status start(YewuPrincipal user, String fileName, byte[] content, ImportMode mode, boolean asLeads, Locale locale) {
        Instant expired = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.started.isBefore(expired));
        Job job = new Job(user);
        jobs.put(job.id, job);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Thread.ofVirtual().name("import-" + job.id).start(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            try {
                var result = CompanyContext.callAs(user.companyId(), () -> imports.importFile(user, fileName, content, mode, asLeads,
                        new CustomerImport.Progress() {
                            @Override
                            public void writing(int validRows) {
                                job.total = validRows;
                                job.state = State.WRITING;
                            }

                            @Override
                            public void written(int rows) {
                                job.written.addAndGet(rows);
                            }
                        }));
                job.answer = ImportController.answer(result, locale);
                job.state = State.DONE;
            } catch (ProblemException e) {
                job.problem = e;
                job.state = State.FAILED;
            } catch (RuntimeException e) {
                log.error("Import job {} failed", job.id, e);
                job.problem = ProblemException.conflict("import-failed");
                job.state = State.FAILED;
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job.status();
    }

    Status status(YewuPrincipal user, String id) {
        Job job = jobs.get(id);
        if (job == null || job.userId != user.id() || job.companyId != user.companyId()) {
            throw ProblemException.notFound("import job " + id);
        }
        if (job.problem != null) throw job.problem;
        return job.status();
    }
}

package io.yewu.platform.internal.transfer;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ImportAnswer;
import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProgress;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportTask;
import io.yewu.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The import jobs of this node (issue 9, generalised for every kind in issue 10): a job lives in memory for an hour
 * after it starts, with its progress and, once done, its result (for the row report). Only its uploader sees it.
 * The uploaded file lies in {@code ${yewu.data-dir}/imports/} while its job runs (the importer reads it a row at a
 * time) and is deleted when the job ends; files a stopped node left there are deleted at start.
 */
@Component
class DefaultImportJobs implements ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(DefaultImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    static final class Job implements ImportProgress {
        final String id = UUID.randomUUID().toString();
        final long companyId;
        final long userId;
        final Locale locale;
        final Instant started = Instant.now();
        final AtomicInteger written = new AtomicInteger();
        volatile State state = State.CHECKING;
        volatile int total;
        volatile ImportResult result;
        volatile ProblemException problem;

        Job(YewuPrincipal user, Locale locale) {
            this.companyId = user.companyId();
            this.userId = user.id();
            this.locale = locale;
        }

        @Override
        public void writing(int records) {
            total = records;
            state = State.WRITING;
        }

        @Override
        public void written(int records) {
            written.addAndGet(records);
        }

        Status status() {
            return new Status(id, state, written.get(), total, result == null ? null : ImportAnswer.of(id, result, locale));
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Path uploads;

    DefaultImportJobs(@Value("${yewu.data-dir}") String dataDir) {
        this.uploads = Path.of(dataDir, "imports");
        if (!Files.isDirectory(uploads)) return;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(uploads, "import-*.upload")) {
            for (Path file : left) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ImportAnswer run(MultipartFile file, ImportMode mode, Locale locale, FileImport imports) {
        YewuPrincipal user = CurrentUser.get();
        try (ImportFile f = ImportFile.of(file, uploads)) {
            return run(user, locale, progress -> imports.run(user, f, mode, progress));
        }
    }

    @Override
    public Status start(MultipartFile file, ImportMode mode, Locale locale, FileImport imports) {
        YewuPrincipal user = CurrentUser.get();
        ImportFile f = ImportFile.of(file, uploads);
        return start(user, locale, progress -> {
            try (f) {
                return imports.run(user, f, mode, progress);
            }
        });
    }

    private Job register(YewuPrincipal user, Locale locale) {
        Instant expired = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.started.isBefore(expired));
        Job job = new Job(user, locale);
        jobs.put(job.id, job);
        return job;
    }

    @Override
    public ImportAnswer run(YewuPrincipal user, Locale locale, ImportTask task) {
        Job job = register(user, locale);
        try {
            job.result = task.run(job);
            job.state = State.DONE;
        } catch (RuntimeException e) {
            jobs.remove(job.id);
            throw e;
        }
        return ImportAnswer.of(job.id, job.result, locale);
    }

    @Override
    public Status start(YewuPrincipal user, Locale locale, ImportTask task) {
        Job job = register(user, locale);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Thread.ofVirtual().name("import-" + job.id).start(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            try {
                job.result = CompanyContext.callAs(user.companyId(), () -> task.run(job));
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

    /** A job of the caller's own; anyone else's (or none) is 404. A file that could not be read answers its 4xx here. */
    Job job(YewuPrincipal user, String id) {
        Job job = jobs.get(id);
        if (job == null || job.userId != user.id() || job.companyId != user.companyId()) {
            throw ProblemException.notFound("import job " + id);
        }
        if (job.problem != null) throw job.problem;
        return job;
    }
}

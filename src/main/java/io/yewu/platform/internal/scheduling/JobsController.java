package io.yewu.platform.internal.scheduling;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The jobs page: timed work, its last and next runs, the failures, and "run now" / "retry". The company's
 * administrator sees its company; with the group role too, every company.
 */
@RestController
@RequestMapping("/api/admin/jobs")
@Allow(RoleCode.ADMIN)
class JobsController {

    private final JobsAdmin jobs;

    JobsController(JobsAdmin jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @Allow(RoleCode.ADMIN)
    List<JobsAdmin.JobView> list() {
        return jobs.jobs(CurrentUser.get());
    }

    @GetMapping("/failures")
    @Allow(RoleCode.ADMIN)
    Page<JobsAdmin.Failure> failures(PageQuery page) {
        return jobs.failures(CurrentUser.get(), page);
    }

    @PostMapping("/runs/{runId}/retry")
    @Allow(RoleCode.ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobsAdmin.Scheduled retry(@PathVariable long runId) {
        return jobs.retry(CurrentUser.get(), runId);
    }

    @GetMapping("/task-failures")
    @Allow(RoleCode.ADMIN)
    Page<JobsAdmin.TaskFailure> taskFailures(PageQuery page) {
        return jobs.taskFailures(CurrentUser.get(), page);
    }

    @PostMapping("/tasks/{taskId}/retry")
    @Allow(RoleCode.ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void retryTask(@PathVariable long taskId) {
        jobs.retryTask(CurrentUser.get(), taskId);
    }

    @PostMapping("/{job}/run")
    @Allow(RoleCode.ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobsAdmin.Scheduled runNow(@PathVariable String job) {
        return jobs.runNow(CurrentUser.get(), job);
    }
}

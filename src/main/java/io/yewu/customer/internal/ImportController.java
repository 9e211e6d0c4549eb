package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Customer and lead files (PLT-10): the answer lists every rejected row with its column and reason. */
@RestController
class ImportController {

    record Error(int row, String column, String message) {}

    record Answer(int rows, int imported, List<Error> errors) {}

    private final CustomerImport imports;
    private final ImportJobs jobs;

    ImportController(CustomerImport imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    /** The same import as a job the UI polls (a long file: a progress bar instead of one long request). */
    @Allow(groups = RoleGroup.FILERS)
    @PostMapping("/api/customers/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status customersJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                                   Locale locale) throws IOException {
        return startJob(file, mode, locale, false);
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/api/leads/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status leadsJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                               Locale locale) throws IOException {
        return startJob(file, mode, locale, true);
    }

    private ImportJobs.Status startJob(MultipartFile file, ImportMode mode, Locale locale, boolean asLeads) throws IOException {
        if (file.isEmpty()) throw ProblemException.invalid("file", "required");
        return jobs.start(CurrentUser.get(), file.getOriginalFilename(), file.getBytes(), mode, asLeads, locale);
    }

    /** A job of the caller's own; anyone else's (or none) is 404. A file that could not be read answers its 400 here. */
    @Allow(value = {RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER}, groups = RoleGroup.FILERS)
    @GetMapping("/api/import-jobs/{id}")
    ImportJobs.Status job(@PathVariable String id) {
        return jobs.status(CurrentUser.get(), id);
    }

    @Allow(groups = RoleGroup.FILERS)
    @PostMapping("/api/customers/import")
    Answer customers(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                     Locale locale) throws IOException {
        var user = CurrentUser.get();
        return answer(imports.importFile(user, file.getOriginalFilename(), file.getBytes(), mode, false), locale);
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/api/leads/import")
    Answer leads(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                 Locale locale) throws IOException {
        var user = CurrentUser.get();
        if (file.isEmpty()) throw ProblemException.invalid("file", "required");
        return answer(imports.importFile(user, file.getOriginalFilename(), file.getBytes(), mode, true), locale);
    }

    static Answer answer(ImportResult result, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return new Answer(result.rows(), result.imported(), result.problems().stream()
                .map(p -> new Error(p.row(), en ? p.columnEn() : p.columnZh(), en ? p.messageEn() : p.messageZh())).toList());
    }
}

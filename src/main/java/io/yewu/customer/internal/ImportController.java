package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ImportAnswer;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Locale;

/**
 * Customer and lead files (PLT-10): the answer lists every rejected row with its column and reason. Both run as
 * the platform's import jobs: in the request, or in the background with progress ({@code /jobs}).
 */
@RestController
class ImportController {

    private final CustomerImport imports;
    private final ImportJobs jobs;

    ImportController(CustomerImport imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @Allow(groups = RoleGroup.FILERS)
    @PostMapping("/api/customers/import")
    ImportAnswer customers(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                           Locale locale) {
        return jobs.run(file, mode, locale, customers(false));
    }

    /** The same import as a job the UI polls (a long file: a progress bar instead of one long request). */
    @Allow(groups = RoleGroup.FILERS)
    @PostMapping("/api/customers/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status customersJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                                   Locale locale) {
        return jobs.start(file, mode, locale, customers(false));
    }

    @Allow(groups = RoleGroup.FILERS)
    @GetMapping("/api/customers/import/template")
    ResponseEntity<StreamingResponseBody> customersTemplate(Locale locale) {
        return ImportTemplate.xlsx("customers-import", imports.columns(CurrentUser.get().companyId()), locale);
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/api/leads/import")
    ImportAnswer leads(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                       Locale locale) {
        return jobs.run(file, mode, locale, customers(true));
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/api/leads/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status leadsJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                               Locale locale) {
        return jobs.start(file, mode, locale, customers(true));
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @GetMapping("/api/leads/import/template")
    ResponseEntity<StreamingResponseBody> leadsTemplate(Locale locale) {
        return ImportTemplate.xlsx("leads-import", imports.columns(CurrentUser.get().companyId()), locale);
    }

    private ImportJobs.FileImport customers(boolean asLeads) {
        return (user, file, mode, progress) -> imports.importFile(user, file, mode, asLeads, progress);
    }
}

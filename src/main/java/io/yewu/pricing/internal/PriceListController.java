package io.yewu.pricing.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ImportAnswer;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportTemplate;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Locale;

/**
 * PRC-2 guide price lists: read by sales, managers and finance; drafted by the marketing director (or the general
 * manager); submitted by the marketing director for the general manager's approval.
 */
@RestController
@RequestMapping("/api/price-lists")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class PriceListController {

    private final PriceLists priceLists;
    private final PriceListImport imports;
    private final ImportJobs jobs;

    PriceListController(PriceLists priceLists, PriceListImport imports, ImportJobs jobs) {
        this.priceLists = priceLists;
        this.imports = imports;
        this.jobs = jobs;
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String status, Locale locale) {
        return priceLists.export(CurrentUser.get(), status, locale);
    }

    /** PLT-10: draft lists from a spreadsheet (one per list name and effective date), with a row-by-row report. */
    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PostMapping("/import")
    ImportAnswer importFile(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                            Locale locale) {
        return jobs.run(file, mode, locale, imports::importFile);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PostMapping("/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status importJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                                Locale locale) {
        return jobs.start(file, mode, locale, imports::importFile);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @GetMapping("/import/template")
    ResponseEntity<StreamingResponseBody> importTemplate(Locale locale) {
        return ImportTemplate.xlsx("price-list-import", imports.columns(CurrentUser.get().companyId()), locale);
    }


    @GetMapping
    Page<PriceLists.Summary> list(@RequestParam(required = false) String status, PageQuery page) {
        return priceLists.list(CurrentUser.get(), status, page);
    }

    @GetMapping("/{id}")
    PriceLists.PriceList get(@PathVariable long id) {
        return priceLists.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PriceLists.PriceList create(@RequestBody PriceLists.Draft draft) {
        return priceLists.create(CurrentUser.get(), draft);
    }

    /** PRC-2: only the marketing director drafts a price strategy for approval (GuidePricePolicy#priceListApproval). */
    @Allow(RoleCode.MARKETING_DIRECTOR)
    @PostMapping("/{id}/submit")
    PriceLists.PriceList submit(@PathVariable long id, @RequestBody ProductController.VersionInput input) {
        return priceLists.submit(CurrentUser.get(), id, input.version());
    }
}

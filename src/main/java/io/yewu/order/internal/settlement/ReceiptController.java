package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.settlement.MorningReceiptsPolicy;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ImportAnswer;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportTemplate;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** RCV-1 / RCV-2 receipts: finance and the cashier record and match them; RCV-4 the morning board. */
@RestController
@RequestMapping("/api/receipts")
@Allow(groups = RoleGroup.FINANCE_DEPT)
class ReceiptController {

    private final Receipts receipts;
    private final ReceiptImport imports;
    private final ImportJobs jobs;

    ReceiptController(Receipts receipts, ReceiptImport imports, ImportJobs jobs) {
        this.receipts = receipts;
        this.imports = imports;
        this.jobs = jobs;
    }

    /** PLT-10: receipts from a bank statement or cash book, each recorded and matched as {@link #record} does. */
    @PostMapping("/import")
    ImportAnswer importFile(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                            Locale locale) {
        return jobs.run(file, mode, locale, imports::importFile);
    }

    @PostMapping("/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status importJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                                Locale locale) {
        return jobs.start(file, mode, locale, imports::importFile);
    }

    @GetMapping("/import/template")
    ResponseEntity<StreamingResponseBody> importTemplate(Locale locale) {
        return ImportTemplate.xlsx("receipts-import", imports.columns(), locale);
    }


    @GetMapping
    Page<Receipts.Summary> list(Receipts.Filter filter, PageQuery page) {
        return receipts.list(CurrentUser.get(), filter, page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(Receipts.Filter filter, Locale locale) {
        return receipts.export(CurrentUser.get(), filter, locale);
    }

    @GetMapping("/{id}")
    Receipts.Receipt get(@PathVariable long id) {
        return receipts.get(CurrentUser.get(), id);
    }

    @GetMapping("/open-orders")
    List<Receipts.OpenOrder> openOrders(@RequestParam(required = false) Long customerId) {
        return receipts.openOrders(CurrentUser.get(), customerId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Receipts.Receipt record(@RequestBody Receipts.ReceiptInput input) {
        return receipts.record(CurrentUser.get(), input);
    }

    @PostMapping("/{id}/match")
    Receipts.Receipt match(@PathVariable long id, @RequestBody Receipts.MatchInput input) {
        return receipts.match(CurrentUser.get(), id, input);
    }

    /** RCV-4: "张三到帐3000", yesterday's receipts per salesperson (a salesperson sees its own line). */
    @Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
    @GetMapping("/morning-board")
    Decision<List<MorningReceiptsPolicy.BoardLine>> morningBoard(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today) {
        return receipts.morningBoard(CurrentUser.get(), today);
    }
}

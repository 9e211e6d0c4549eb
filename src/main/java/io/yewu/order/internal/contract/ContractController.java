package io.yewu.order.internal.contract;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * ORD-9 contracts (购销合同): list, export, head, records with their files, and the orders that reference them.
 * Salespeople and managers keep them; finance reads them all. Outside the caller's scope: 404.
 */
@RestController
@RequestMapping("/api/contracts")
@Allow(value = {RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER}, groups = RoleGroup.FINANCE_DEPT)
class ContractController {

    private static final List<ExcelExport.Column<ContractView.Summary>> COLUMNS = List.of(
            new ExcelExport.Column<>("合同编号", "Contract number", ContractView.Summary::number),
            new ExcelExport.Column<>("客户", "Customer", ContractView.Summary::customerName),
            new ExcelExport.Column<>("合同名称", "Title", ContractView.Summary::title),
            new ExcelExport.Column<>("合同金额", "Amount", ContractView.Summary::amount),
            new ExcelExport.Column<>("已下单金额", "Ordered", ContractView.Summary::orderedTotal),
            new ExcelExport.Column<>("已回款金额", "Paid", ContractView.Summary::paidTotal),
            new ExcelExport.Column<>("签订日期", "Signed on", ContractView.Summary::signedOn),
            new ExcelExport.Column<>("负责人", "Owner", ContractView.Summary::ownerName),
            new ExcelExport.Column<>("记录版本数", "Record versions", ContractView.Summary::records));

    private final Contracts contracts;
    private final ContractFiles files;

    ContractController(Contracts contracts, ContractFiles files) {
        this.contracts = contracts;
        this.files = files;
    }

    @GetMapping
    Page<ContractView.Summary> list(ContractInput.Filter filter, PageQuery page) {
        return contracts.list(CurrentUser.get(), filter, page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(ContractInput.Filter filter, Locale locale) {
        YewuPrincipal me = CurrentUser.get();
        return ExcelExport.response("contracts", locale, COLUMNS, sink -> contracts.each(me, filter, sink));
    }

    @GetMapping("/{id}")
    ContractView.Detail get(@PathVariable long id) {
        return contracts.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContractView.Summary create(@Valid @RequestBody ContractInput.New input) {
        return contracts.create(CurrentUser.get(), input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER})
    @PutMapping("/{id}")
    ContractView.Summary update(@PathVariable long id, @Valid @RequestBody ContractInput.Edit input) {
        return contracts.update(CurrentUser.get(), id, input);
    }

    /** A new version: kind SIGNING (first, once), EXECUTION, CHANGE or SUPPLEMENT, with its file. */
    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER})
    @PostMapping(path = "/{id}/records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ContractView.Record addRecord(@PathVariable long id, @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
                                  @RequestParam(required = false) String note,
                                  @RequestParam(name = "file", required = false) MultipartFile file) {
        return files.add(CurrentUser.get(), id, kind, recordedOn, note, file);
    }

    @GetMapping("/{id}/records/{recordId}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long recordId) {
        ContractFiles.Content content = files.read(CurrentUser.get(), id, recordId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new InputStreamResource(content.data()));
    }

    /** ORD-9: the order (same customer, in the caller's scope) references this contract. */
    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER})
    @PostMapping("/{id}/orders")
    ContractView.Summary link(@PathVariable long id, @Valid @RequestBody ContractInput.Link input) {
        return contracts.link(CurrentUser.get(), id, input.orderId(), true);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER})
    @DeleteMapping("/{id}/orders/{orderId}")
    ContractView.Summary unlink(@PathVariable long id, @PathVariable long orderId) {
        return contracts.link(CurrentUser.get(), id, orderId, false);
    }
}

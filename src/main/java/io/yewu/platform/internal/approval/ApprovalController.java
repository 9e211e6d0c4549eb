package io.yewu.platform.internal.approval;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

    record DecisionBody(@Size(max = 1000) String comment) {}

    private static final Map<String, String[]> STATUS = Map.of(
            "PENDING", new String[]{"审批中", "Pending"}, "APPROVED", new String[]{"已通过", "Approved"},
            "REJECTED", new String[]{"已驳回", "Rejected"}, "VOID", new String[]{"已作废", "Void"});

    private final ApprovalEngine engine;
    private final ApprovalQueries queries;

    ApprovalController(ApprovalEngine engine, ApprovalQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    @GetMapping
    Page<ApprovalView> list(@RequestParam(defaultValue = "pending") String box, PageQuery page) {
        return queries.list(box, page, CurrentUser.get());
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "pending") String box) {
        YewuPrincipal me = CurrentUser.get();
        ApprovalQueries.boxCondition(box); // a bad box answers 422 now, not halfway through the stream
        var locale = LocaleContextHolder.getLocale();
        int lang = "en".equals(locale.getLanguage()) ? 1 : 0;
        List<ExcelExport.Column<ApprovalQueries.Row>> columns = List.of(
                new ExcelExport.Column<>("编号", "ID", ApprovalQueries.Row::id),
                new ExcelExport.Column<>("标题", "Title", ApprovalQueries.Row::title),
                new ExcelExport.Column<>("业务类型", "Subject type", ApprovalQueries.Row::subjectType),
                new ExcelExport.Column<>("业务编号", "Subject", ApprovalQueries.Row::subjectId),
                new ExcelExport.Column<>("申请人", "Applicant", ApprovalQueries.Row::applicantName),
                new ExcelExport.Column<>("状态", "Status", r -> STATUS.get(r.status())[lang]),
                new ExcelExport.Column<>("当前审批人", "Current approver", ApprovalQueries.Row::currentApprover),
                new ExcelExport.Column<>("提交时间", "Submitted at", ApprovalQueries.Row::createdAt),
                new ExcelExport.Column<>("完成时间", "Completed at", ApprovalQueries.Row::completedAt));
        // the body is written on another thread, which must enter the company again to see any rows
        return ExcelExport.response("approvals", locale, columns,
                sink -> CompanyContext.runAs(me.companyId(), () -> queries.export(box, me, sink)));
    }

    @GetMapping("/{id}")
    ApprovalView get(@PathVariable long id) {
        return queries.get(id, CurrentUser.get());
    }

    @PostMapping("/{id}/approve")
    ApprovalView approve(@PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body) {
        return decide(id, true, body);
    }

    @PostMapping("/{id}/reject")
    ApprovalView reject(@PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body) {
        return decide(id, false, body);
    }

    private ApprovalView decide(long id, boolean approve, DecisionBody body) {
        YewuPrincipal me = CurrentUser.get();
        engine.decide(id, me, approve, body == null ? null : body.comment());
        return queries.get(id, me);
    }
}

package io.yewu.platform.internal.audit;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PLT-6: the audit log for the administrator; read and export only. */
@Allow(RoleCode.ADMIN)
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private static final List<ExcelExport.Column<AuditLog.Entry>> COLUMNS = List.of(
            new ExcelExport.Column<>("时间", "Time", AuditLog.Entry::at),
            new ExcelExport.Column<>("操作人", "Actor", AuditLog.Entry::actorName),
            new ExcelExport.Column<>("对象类型", "Entity type", AuditLog.Entry::entityType),
            new ExcelExport.Column<>("对象编号", "Entity id", AuditLog.Entry::entityId),
            new ExcelExport.Column<>("操作", "Action", AuditLog.Entry::action),
            new ExcelExport.Column<>("变更", "Changes", e -> describe(e.changes())));

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    Page<AuditLog.Entry> list(AuditLog.Filter filter, PageQuery page) {
        return log.list(filter, page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(AuditLog.Filter filter, Locale locale) {
        return ExcelExport.response("audit", locale, COLUMNS, sink -> log.export(filter, sink));
    }

    /** {@code field: old → new; …} for one spreadsheet cell. */
    private static String describe(JsonNode changes) {
        List<String> parts = new ArrayList<>();
        changes.properties().forEach(f -> parts.add(f.getKey() + ": " + text(f.getValue().path("old")) + " → "
                + text(f.getValue().path("new"))));
        return String.join("; ", parts);
    }

    private static String text(JsonNode v) {
        return v.isNull() || v.isMissingNode() ? "" : v.isString() ? v.stringValue() : v.toString();
    }
}

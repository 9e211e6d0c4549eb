package io.yewu.service.internal.knowledge;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;

/** KB-2 knowledge test scores, paged: agents read their own, the shift lead and the service director all (recorded by {@code POST /api/kb/test-scores}). */
@RestController
@Allow({RoleCode.SERVICE_AGENT, RoleCode.RETURN_VISIT, RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
class KnowledgeTestController {

    private final KnowledgeTests tests;

    KnowledgeTestController(KnowledgeTests tests) {
        this.tests = tests;
    }

    @GetMapping("/api/kb/tests")
    Page<KnowledgeTests.Row> list(KnowledgeTests.Filter filter, PageQuery page) {
        return tests.list(CurrentUser.get(), filter, page);
    }

    @GetMapping("/api/kb/tests/export")
    ResponseEntity<StreamingResponseBody> export(KnowledgeTests.Filter filter, Locale locale) {
        List<ExcelExport.Column<KnowledgeTests.Row>> columns = List.of(
                new ExcelExport.Column<>("日期", "Date", KnowledgeTests.Row::takenOn),
                new ExcelExport.Column<>("业务代表", "Agent", KnowledgeTests.Row::agentName),
                new ExcelExport.Column<>("考试名称", "Test", KnowledgeTests.Row::testName),
                new ExcelExport.Column<>("知识条目", "Article", KnowledgeTests.Row::articleTitle),
                new ExcelExport.Column<>("成绩", "Score", KnowledgeTests.Row::score),
                new ExcelExport.Column<>("满分", "Out of", KnowledgeTests.Row::maxScore),
                new ExcelExport.Column<>("记录人", "Recorded by", KnowledgeTests.Row::recordedByName));
        return tests.query(CurrentUser.get(), filter).xlsx("knowledge-tests", locale, columns);
    }
}

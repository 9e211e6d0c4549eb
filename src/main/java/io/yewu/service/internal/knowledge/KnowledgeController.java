package io.yewu.service.internal.knowledge;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * KB-1 / KB-2: the knowledge base. Editors and the service director receive notices; the director reads them; the
 * editor drafts the wording; a user of the issuing department confirms it (any role: the department decides);
 * the service desk searches and links articles to tickets.
 */
@RestController
@Allow(groups = RoleGroup.SERVICE_DESK)
class KnowledgeController {

    private final KnowledgeBase kb;

    KnowledgeController(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Allow(anyUser = true)
    @GetMapping("/api/kb/categories")
    List<KnowledgeBase.Category> categories() {
        return kb.categories(CurrentUser.get());
    }

    @Allow({RoleCode.KNOWLEDGE_EDITOR, RoleCode.SERVICE_DIRECTOR})
    @PostMapping("/api/kb/categories")
    @ResponseStatus(HttpStatus.CREATED)
    KnowledgeBase.Category addCategory(@RequestBody KnowledgeBase.CategoryInput in) {
        return kb.addCategory(CurrentUser.get(), in);
    }

    @GetMapping("/api/kb/articles")
    Page<KnowledgeBase.Summary> list(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
                                     PageQuery page) {
        return kb.list(CurrentUser.get(), state, q, page);
    }

    private static final java.util.Map<String, String[]> STATES = java.util.Map.of(
            "RECEIVED", new String[] {"已收通知", "Notice received"}, "READ", new String[] {"主任已阅", "Read by the director"},
            "DRAFTED", new String[] {"已拟稿待确认", "Drafted, awaiting confirmation"}, "PUBLISHED", new String[] {"已发布", "Published"},
            "WITHDRAWN", new String[] {"已撤回", "Withdrawn"});
    private static final java.util.Map<String, String[]> KINDS = java.util.Map.of(
            "BUSINESS_RULE", new String[] {"业务规则", "Business rule"}, "PRICE_POLICY", new String[] {"价格政策", "Price policy"},
            "GENERAL", new String[] {"常识", "General knowledge"}, "SCRIPT", new String[] {"话术", "Script"});

    @GetMapping("/api/kb/articles/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
                                                 Locale locale) {
        int lang = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? 1 : 0;
        List<ExcelExport.Column<KnowledgeBase.Summary>> columns = List.of(
                new ExcelExport.Column<>("标题", "Title", KnowledgeBase.Summary::title),
                new ExcelExport.Column<>("目录", "Category", KnowledgeBase.Summary::categoryName),
                new ExcelExport.Column<>("类别", "Kind", a -> KINDS.getOrDefault(a.kind(), new String[] {"-", "-"})[lang]),
                new ExcelExport.Column<>("状态", "State", a -> STATES.getOrDefault(a.state(), new String[] {"-", "-"})[lang]),
                new ExcelExport.Column<>("发文部门", "Issuing department", KnowledgeBase.Summary::issuingDepartmentName),
                new ExcelExport.Column<>("生效日期", "Effective from", KnowledgeBase.Summary::effectiveFrom),
                new ExcelExport.Column<>("失效日期", "Effective until", a -> a.effectiveUntil() == null ? "" : a.effectiveUntil()),
                new ExcelExport.Column<>("版本", "Revision", KnowledgeBase.Summary::revision),
                new ExcelExport.Column<>("发布时间", "Published", a -> a.publishedAt() == null ? "" : a.publishedAt().atOffset(java.time.ZoneOffset.UTC)));
        List<KnowledgeBase.Summary> rows = kb.listForExport(CurrentUser.get(), state, q);
        return ExcelExport.response("knowledge-articles", locale, columns, rows::forEach);
    }

    @Allow({RoleCode.KNOWLEDGE_EDITOR, RoleCode.SERVICE_DIRECTOR})
    @PostMapping("/api/kb/articles")
    @ResponseStatus(HttpStatus.CREATED)
    KnowledgeBase.Article receive(@RequestBody KnowledgeBase.NewArticle in) {
        return kb.receive(CurrentUser.get(), in);
    }

    /** Also the issuing department's users, who confirm what they read. */
    @Allow(anyUser = true)
    @GetMapping("/api/kb/articles/{id}")
    KnowledgeBase.Article get(@PathVariable long id) {
        return kb.get(CurrentUser.get(), id);
    }

    @Allow(anyUser = true)
    @GetMapping("/api/kb/articles/{id}/notice-file")
    ResponseEntity<byte[]> noticeFile(@PathVariable long id) {
        KnowledgeBase.NoticeFile file = kb.noticeFile(CurrentUser.get(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @Allow(RoleCode.SERVICE_DIRECTOR)
    @PostMapping("/api/kb/articles/{id}/read")
    KnowledgeBase.Article read(@PathVariable long id, @RequestBody KnowledgeBase.StepInput in) {
        return kb.read(CurrentUser.get(), id, in);
    }

    @Allow(RoleCode.KNOWLEDGE_EDITOR)
    @PostMapping("/api/kb/articles/{id}/draft")
    KnowledgeBase.Article draft(@PathVariable long id, @RequestBody KnowledgeBase.DraftInput in) {
        return kb.draft(CurrentUser.get(), id, in);
    }

    /** KB-2b: any user may call it; only a user of the issuing department succeeds (others: 422). */
    @Allow(anyUser = true)
    @PostMapping("/api/kb/articles/{id}/confirm")
    KnowledgeBase.Article confirm(@PathVariable long id, @RequestBody KnowledgeBase.StepInput in) {
        return kb.confirm(CurrentUser.get(), id, in);
    }

    @Allow({RoleCode.KNOWLEDGE_EDITOR, RoleCode.SERVICE_DIRECTOR})
    @PostMapping("/api/kb/articles/{id}/withdraw")
    KnowledgeBase.Article withdraw(@PathVariable long id, @RequestBody KnowledgeBase.StepInput in) {
        return kb.withdraw(CurrentUser.get(), id, in);
    }

    @GetMapping("/api/kb/search")
    List<KnowledgeBase.Hit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                                   @RequestParam(required = false) Long categoryId,
                                   @RequestParam(defaultValue = "20") int limit) {
        return kb.search(CurrentUser.get(), q, kind, categoryId, limit);
    }

    @GetMapping("/api/tickets/{ticketId}/articles")
    List<KnowledgeBase.TicketArticle> linked(@PathVariable long ticketId) {
        return kb.linked(CurrentUser.get(), ticketId);
    }

    @PostMapping("/api/tickets/{ticketId}/articles")
    List<KnowledgeBase.TicketArticle> link(@PathVariable long ticketId, @RequestBody KnowledgeBase.LinkInput in) {
        return kb.link(CurrentUser.get(), ticketId, in);
    }

    @GetMapping("/api/kb/test-scores")
    List<KnowledgeBase.Score> scores(@RequestParam(required = false) Long agentId) {
        return kb.scores(CurrentUser.get(), agentId);
    }

    @Allow({RoleCode.SERVICE_DIRECTOR, RoleCode.SHIFT_LEAD, RoleCode.KNOWLEDGE_EDITOR, RoleCode.QC_INSPECTOR})
    @PostMapping("/api/kb/test-scores")
    @ResponseStatus(HttpStatus.CREATED)
    KnowledgeBase.Score recordScore(@RequestBody KnowledgeBase.ScoreInput in) {
        return kb.recordScore(CurrentUser.get(), in);
    }
}

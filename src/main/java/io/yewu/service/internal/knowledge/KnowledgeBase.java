package io.yewu.service.internal.knowledge;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import io.yewu.service.internal.knowledge.KnowledgePolicy.State;
import io.yewu.service.internal.knowledge.KnowledgePolicy.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KB-1 and KB-2: the knowledge base's catalogue, articles through their publishing workflow with every drafted
 * version and a log of each step, Chinese search over the articles in force, the articles linked to tickets and
 * the agents' knowledge test scores.
 */
@Service
class KnowledgeBase {

    record Category(long id, String name, int sortOrder) {}

    record CategoryInput(String name, Integer sortOrder) {}

    record NewArticle(Long categoryId, String kind, String title, String noticeText, String noticeFileName,
                      String noticeFileBase64, Long issuingDepartmentId, LocalDate effectiveFrom, LocalDate effectiveUntil) {}

    record DraftInput(Long version, String title, String body, LocalDate effectiveFrom, LocalDate effectiveUntil) {}

    record StepInput(Long version, String note) {}

    record Summary(long id, long categoryId, String categoryName, String kind, String title, String state,
                   long issuingDepartmentId, String issuingDepartmentName, LocalDate effectiveFrom,
                   LocalDate effectiveUntil, int revision, Instant publishedAt, Instant withdrawnAt, long version) {}

    record VersionRow(int revision, String title, String body, long draftedBy, String draftedByName, Instant draftedAt) {}

    record LogRow(String action, int revision, Instant at, long actorId, String actorName, String note) {}

    record Article(Summary article, String body, String noticeText, String noticeFileName, boolean inForce,
                   List<VersionRow> versions, List<LogRow> log) {}

    record Hit(long id, String title, String kind, String categoryName, String excerpt, LocalDate effectiveFrom,
               LocalDate effectiveUntil) {}

    record LinkInput(Long articleId) {}

    record TicketArticle(long articleId, String title, String kind, long linkedBy, String linkedByName, Instant linkedAt) {}

    record ScoreInput(Long agentId, Long articleId, String testName, BigDecimal score, BigDecimal maxScore, LocalDate takenOn) {}

    record Score(long id, long agentId, String agentName, Long articleId, String articleTitle, String testName,
                 BigDecimal score, BigDecimal maxScore, LocalDate takenOn, Instant recordedAt) {}

    record NoticeFile(String name, byte[] content) {}

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String SUBJECT = "kb-article";
    private static final int MAX_NOTICE_FILE = 5 * 1024 * 1024;
    private static final String SUMMARY = """
            SELECT a.id, a.category_id, k.name AS category_name, a.kind, a.title, a.state, a.issuing_department_id,
                   d.name AS issuing_department_name, a.effective_from, a.effective_until, a.revision, a.published_at,
                   a.withdrawn_at, a.version
            FROM kb_article a JOIN kb_category k ON k.company_id = a.company_id AND k.id = a.category_id
            JOIN department d ON d.company_id = a.company_id AND d.id = a.issuing_department_id
            """;
    private static final Map<String, String> SORTS = Map.of("title", "a.title", "effectiveFrom", "a.effective_from",
            "publishedAt", "a.published_at");

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final KnowledgePolicy policy = new KnowledgePolicy();

    KnowledgeBase(JdbcClient jdbc, DecisionRecords decisions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    // ---- catalogue

    List<Category> categories(YewuPrincipal me) {
        return jdbc.sql("SELECT id, name, sort_order FROM kb_category WHERE company_id = :c ORDER BY sort_order, name")
                .param("c", me.companyId()).query(Category.class).list();
    }

    @Transactional
    Category addCategory(YewuPrincipal me, CategoryInput in) {
        String name = text(in.name());
        if (name.isEmpty()) throw ProblemException.invalid("name", "required");
        if (name.length() > 100) throw ProblemException.invalid("name", "too-long", 100);
        boolean taken = jdbc.sql("SELECT count(*) > 0 FROM kb_category WHERE company_id = :c AND name = :n")
                .param("c", me.companyId()).param("n", name).query(Boolean.class).single();
        if (taken) throw ProblemException.invalid("name", "taken");
        long id = jdbc.sql("INSERT INTO kb_category (company_id, name, sort_order) VALUES (:c, :n, :o) RETURNING id")
                .param("c", me.companyId()).param("n", name).param("o", in.sortOrder() == null ? 0 : in.sortOrder())
                .query(Long.class).single();
        audit.record("kb-category", id, "create", Changes.of().created("name", name));
        return new Category(id, name, in.sortOrder() == null ? 0 : in.sortOrder());
    }

    // ---- workflow

    /** KB-2: a notice received (业务通知单), kept with its text and/or file; the article starts as RECEIVED. */
    @Transactional
    Article receive(YewuPrincipal me, NewArticle in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.categoryId() == null) problems.add(new FieldProblem("categoryId", "required"));
        else if (!exists("kb_category", me.companyId(), in.categoryId())) problems.add(new FieldProblem("categoryId", "unknown", in.categoryId()));
        if (in.kind() == null) problems.add(new FieldProblem("kind", "required"));
        else if (!List.of("BUSINESS_RULE", "PRICE_POLICY", "GENERAL", "SCRIPT").contains(in.kind())) problems.add(new FieldProblem("kind", "invalid"));
        String title = text(in.title());
        if (title.isEmpty()) problems.add(new FieldProblem("title", "required"));
        else if (title.length() > 200) problems.add(new FieldProblem("title", "too-long", 200));
        String notice = text(in.noticeText());
        byte[] file = null;
        if (in.noticeFileBase64() != null && !in.noticeFileBase64().isBlank()) {
            try {
                file = Base64.getDecoder().decode(in.noticeFileBase64().strip());
                if (file.length > MAX_NOTICE_FILE) problems.add(new FieldProblem("noticeFileBase64", "kb-notice-file-too-large", 5));
                if (text(in.noticeFileName()).isEmpty()) problems.add(new FieldProblem("noticeFileName", "required"));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("noticeFileBase64", "invalid"));
            }
        }
        if (notice.isEmpty() && file == null) problems.add(new FieldProblem("noticeText", "kb-notice-required"));
        if (notice.length() > 20_000) problems.add(new FieldProblem("noticeText", "too-long", 20_000));
        if (in.issuingDepartmentId() == null) problems.add(new FieldProblem("issuingDepartmentId", "required"));
        else if (!exists("department", me.companyId(), in.issuingDepartmentId())) problems.add(new FieldProblem("issuingDepartmentId", "unknown", in.issuingDepartmentId()));
        dates(problems, in.effectiveFrom(), in.effectiveUntil(), true);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO kb_article (company_id, category_id, kind, title, state, notice_text, notice_file_name, notice_file,
                  issuing_department_id, effective_from, effective_until, received_by, received_at)
                VALUES (:c, :cat, :kind, :title, 'RECEIVED', :notice, :fileName, :file, :dept, :from, :until, :me, :now) RETURNING id""")
                .param("c", me.companyId()).param("cat", in.categoryId()).param("kind", in.kind()).param("title", title)
                .param("notice", notice).param("fileName", file == null ? null : text(in.noticeFileName()), java.sql.Types.VARCHAR)
                .param("file", file, java.sql.Types.BINARY).param("dept", in.issuingDepartmentId())
                .param("from", in.effectiveFrom()).param("until", in.effectiveUntil(), java.sql.Types.DATE)
                .param("me", me.id()).param("now", java.sql.Timestamp.from(now)).query(Long.class).single();
        log(me, id, "RECEIVED", 0, now, "");
        audit.record(SUBJECT, id, "receive", Changes.of().created("title", title).created("kind", in.kind()));
        return get(me, id);
    }

    /** KB-2: the service director has read the notice. */
    @Transactional
    Article read(YewuPrincipal me, long id, StepInput in) {
        Summary a = transition(me, id, in.version(), Step.READ);
        Instant now = clock.instant();
        Versions.requireUpdated(jdbc.sql("""
                UPDATE kb_article SET state = 'READ', read_by = :me, read_at = :now, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("me", me.id()).param("now", java.sql.Timestamp.from(now)).param("c", me.companyId())
                .param("id", id).param("v", in.version()).update());
        log(me, id, "READ", a.revision(), now, text(in.note()));
        return get(me, id);
    }

    /** KB-2: the editor drafts (or redrafts) the unified wording in plain language; each draft is a new version. */
    @Transactional
    Article draft(YewuPrincipal me, long id, DraftInput in) {
        Summary a = transition(me, id, in.version(), Step.DRAFT);
        List<FieldProblem> problems = new ArrayList<>();
        String title = in.title() == null ? a.title() : text(in.title());
        String body = text(in.body());
        if (title.isEmpty()) problems.add(new FieldProblem("title", "required"));
        else if (title.length() > 200) problems.add(new FieldProblem("title", "too-long", 200));
        if (body.isEmpty()) problems.add(new FieldProblem("body", "required"));
        else if (body.length() > 50_000) problems.add(new FieldProblem("body", "too-long", 50_000));
        LocalDate from = in.effectiveFrom() == null ? a.effectiveFrom() : in.effectiveFrom();
        LocalDate until = in.effectiveFrom() == null && in.effectiveUntil() == null ? a.effectiveUntil() : in.effectiveUntil();
        dates(problems, from, until, false);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Instant now = clock.instant();
        int revision = a.revision() + 1;
        Versions.requireUpdated(jdbc.sql("""
                UPDATE kb_article SET state = 'DRAFTED', title = :title, body = :body, effective_from = :from,
                  effective_until = :until, revision = :rev, drafted_by = :me, drafted_at = :now, confirmed_by = NULL,
                  version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("title", title).param("body", body).param("from", from).param("until", until, java.sql.Types.DATE)
                .param("rev", revision).param("me", me.id()).param("now", java.sql.Timestamp.from(now))
                .param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        jdbc.sql("""
                INSERT INTO kb_article_version (company_id, article_id, revision, title, body, drafted_by, drafted_at)
                VALUES (:c, :id, :rev, :title, :body, :me, :now)""")
                .param("c", me.companyId()).param("id", id).param("rev", revision).param("title", title).param("body", body)
                .param("me", me.id()).param("now", java.sql.Timestamp.from(now)).update();
        log(me, id, "DRAFTED", revision, now, "");
        return get(me, id);
    }

    /**
     * KB-2: a user of the issuing department confirms the wording, which publishes it. A user of another department
     * gets 422 and nothing changes; the decision is stored either way.
     */
    @Transactional
    Article confirm(YewuPrincipal me, long id, StepInput in) {
        Summary a = transition(me, id, in.version(), Step.CONFIRM);
        String issuingPath = jdbc.sql("SELECT path FROM department WHERE company_id = :c AND id = :d")
                .param("c", me.companyId()).param("d", a.issuingDepartmentId()).query(String.class).single();
        Decision<Boolean> may = policy.mayConfirm(issuingPath, me.departmentPath());
        if (!may.outcome()) {
            throw ProblemException.invalid("issuingDepartmentId", "kb-confirm-wrong-department", a.issuingDepartmentName());
        }
        decisions.record(SUBJECT, String.valueOf(id), "confirm", may);
        Instant now = clock.instant();
        Versions.requireUpdated(jdbc.sql("""
                UPDATE kb_article SET state = 'PUBLISHED', confirmed_by = :me, published_at = :now, withdrawn_at = NULL,
                  version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("me", me.id()).param("now", java.sql.Timestamp.from(now)).param("c", me.companyId())
                .param("id", id).param("v", in.version()).update());
        log(me, id, "PUBLISHED", a.revision(), now, text(in.note()));
        audit.record(SUBJECT, id, "publish", Changes.of().put("state", a.state(), "PUBLISHED"));
        return get(me, id);
    }

    /** KB-2: a published article is withdrawn (it leaves search, keeps its history); logged with its time. */
    @Transactional
    Article withdraw(YewuPrincipal me, long id, StepInput in) {
        Summary a = transition(me, id, in.version(), Step.WITHDRAW);
        Instant now = clock.instant();
        Versions.requireUpdated(jdbc.sql("""
                UPDATE kb_article SET state = 'WITHDRAWN', withdrawn_at = :now, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("now", java.sql.Timestamp.from(now)).param("c", me.companyId()).param("id", id)
                .param("v", in.version()).update());
        log(me, id, "WITHDRAWN", a.revision(), now, text(in.note()));
        audit.record(SUBJECT, id, "withdraw", Changes.of().put("state", a.state(), "WITHDRAWN"));
        return get(me, id);
    }

    private Summary transition(YewuPrincipal me, long id, Long version, Step step) {
        // anyone of the company reaches a draft to confirm it, so the wrong department hears why (422), not 404
        Summary a = step == Step.CONFIRM
                ? inCompany(me, id).orElseThrow(() -> ProblemException.notFound("kb-article " + id))
                : summary(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        Decision<Optional<State>> next = policy.step(State.valueOf(a.state()), step);
        if (next.outcome().isEmpty()) throw ProblemException.conflict("kb-step-not-allowed");
        if (version != a.version()) throw ProblemException.conflict("version-conflict");
        return a;
    }

    private void log(YewuPrincipal me, long id, String action, int revision, Instant at, String note) {
        jdbc.sql("""
                INSERT INTO kb_article_log (company_id, article_id, action, revision, at, actor_id, note)
                VALUES (:c, :id, :action, :rev, :at, :me, :note)""")
                .param("c", me.companyId()).param("id", id).param("action", action).param("rev", revision)
                .param("at", java.sql.Timestamp.from(at)).param("me", me.id()).param("note", note).update();
    }

    // ---- reads

    /** Editors and the service director see every article; the issuing department its own; everyone else what was published. */
    private String visible(YewuPrincipal me) {
        if (me.hasRole(RoleCode.KNOWLEDGE_EDITOR) || me.hasRole(RoleCode.SERVICE_DIRECTOR)) return "true";
        return "(a.published_at IS NOT NULL OR starts_with(:myPath, d.path))";
    }

    private Optional<Summary> inCompany(YewuPrincipal me, long id) {
        return jdbc.sql(SUMMARY + " WHERE a.company_id = :c AND a.id = :id").param("c", me.companyId()).param("id", id)
                .query(Summary.class).optional();
    }

    Summary summary(YewuPrincipal me, long id) {
        return jdbc.sql(SUMMARY + " WHERE a.company_id = :c AND a.id = :id AND " + visible(me))
                .param("c", me.companyId()).param("id", id).param("myPath", me.departmentPath())
                .query(Summary.class).optional().orElseThrow(() -> ProblemException.notFound("kb-article " + id));
    }

    Article get(YewuPrincipal me, long id) {
        Summary s = summary(me, id);
        record Texts(String body, String noticeText, String noticeFileName) {}
        Texts t = jdbc.sql("SELECT body, notice_text, notice_file_name FROM kb_article WHERE company_id = :c AND id = :id")
                .param("c", me.companyId()).param("id", id).query(Texts.class).single();
        List<VersionRow> versions = jdbc.sql("""
                SELECT v.revision, v.title, v.body, v.drafted_by, u.display_name AS drafted_by_name, v.drafted_at
                FROM kb_article_version v JOIN app_user u ON u.company_id = v.company_id AND u.id = v.drafted_by
                WHERE v.company_id = :c AND v.article_id = :id ORDER BY v.revision DESC""")
                .param("c", me.companyId()).param("id", id).query(VersionRow.class).list();
        List<LogRow> log = jdbc.sql("""
                SELECT l.action, l.revision, l.at, l.actor_id, u.display_name AS actor_name, l.note
                FROM kb_article_log l JOIN app_user u ON u.company_id = l.company_id AND u.id = l.actor_id
                WHERE l.company_id = :c AND l.article_id = :id ORDER BY l.at, l.id""")
                .param("c", me.companyId()).param("id", id).query(LogRow.class).list();
        boolean inForce = policy.searchable(State.valueOf(s.state()), s.effectiveFrom(), s.effectiveUntil(), today()).outcome();
        return new Article(s, t.body(), t.noticeText(), t.noticeFileName(), inForce, versions, log);
    }

    NoticeFile noticeFile(YewuPrincipal me, long id) {
        summary(me, id);
        return jdbc.sql("SELECT notice_file_name AS name, notice_file AS content FROM kb_article WHERE company_id = :c AND id = :id AND notice_file IS NOT NULL")
                .param("c", me.companyId()).param("id", id).query(NoticeFile.class).optional()
                .orElseThrow(() -> ProblemException.notFound("kb-article notice file " + id));
    }

    /** The workflow list for the service desk: by state, any text in title or wording. */
    Page<Summary> list(YewuPrincipal me, String state, String q, PageQuery page) {
        String s = state == null || state.isBlank() ? null : state.strip();
        String query = q == null || q.isBlank() ? null : q.strip();
        String where = " WHERE a.company_id = :c AND " + visible(me)
                + " AND (CAST(:state AS text) IS NULL OR a.state = :state)"
                + " AND (CAST(:q AS text) IS NULL OR a.title ILIKE :like OR a.body ILIKE :like)";
        String like = query == null ? null : "%" + escape(query) + "%";
        List<Summary> items = jdbc.sql(SUMMARY + where + " ORDER BY " + page.orderBy(SORTS, "a.id DESC") + " LIMIT :limit OFFSET :offset")
                .param("c", me.companyId()).param("myPath", me.departmentPath()).param("state", s).param("q", query)
                .param("like", like).param("limit", page.size()).param("offset", page.offset()).query(Summary.class).list();
        return Page.of(items, page, () -> jdbc.sql(Page.cappedCountSql(" FROM kb_article a JOIN department d ON d.company_id = a.company_id AND d.id = a.issuing_department_id" + where))
                .param("c", me.companyId()).param("myPath", me.departmentPath()).param("state", s).param("q", query)
                .param("like", like).query(Long.class).single());
    }

    /** The workflow list as a spreadsheet reads it: the same filters, newest first, at most 10,000 articles. */
    List<Summary> listForExport(YewuPrincipal me, String state, String q) {
        String s = state == null || state.isBlank() ? null : state.strip();
        String query = q == null || q.isBlank() ? null : q.strip();
        return jdbc.sql(SUMMARY + " WHERE a.company_id = :c AND " + visible(me)
                        + " AND (CAST(:state AS text) IS NULL OR a.state = :state)"
                        + " AND (CAST(:q AS text) IS NULL OR a.title ILIKE :like OR a.body ILIKE :like) ORDER BY a.id DESC LIMIT 10000")
                .param("c", me.companyId()).param("myPath", me.departmentPath()).param("state", s).param("q", query)
                .param("like", query == null ? null : "%" + escape(query) + "%").query(Summary.class).list();
    }

    /**
     * KB-1: search in Chinese over the articles published and in force today (KB-2c). The text's two-character pieces
     * narrow the candidates through a GIN index (or the newest publications are walked for a common word); strpos
     * confirms the whole text (decisions 0021).
     */
    List<Hit> search(YewuPrincipal me, String q, String kind, Long categoryId, int limit) {
        String query = q == null ? "" : q.strip();
        if (query.length() < KnowledgePolicy.MIN_QUERY) throw ProblemException.invalid("q", "kb-query-short", KnowledgePolicy.MIN_QUERY);
        if (query.length() > 100) throw ProblemException.invalid("q", "too-long", 100);
        return jdbc.sql("""
                SELECT a.id, a.title, a.kind,
                       (SELECT k.name FROM kb_category k WHERE k.company_id = a.company_id AND k.id = a.category_id) AS category_name,
                       left(a.body, 160) AS excerpt, a.effective_from, a.effective_until
                FROM kb_article a
                WHERE a.company_id = :c AND a.state = 'PUBLISHED' AND a.effective_from <= :day
                  AND (a.effective_until IS NULL OR a.effective_until >= :day)
                  AND a.search_grams @> yewu_bigrams(:q) AND strpos(lower(a.title || ' ' || a.body), lower(:q)) > 0
                  AND (CAST(:kind AS text) IS NULL OR a.kind = :kind)
                  AND (CAST(:cat AS bigint) IS NULL OR a.category_id = :cat)
                ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""")
                .param("c", me.companyId()).param("day", today()).param("q", query)
                .param("kind", kind == null || kind.isBlank() ? null : kind.strip(), java.sql.Types.VARCHAR)
                .param("cat", categoryId, java.sql.Types.BIGINT).param("limit", Math.max(1, Math.min(limit, 50)))
                .query(Hit.class).list();
    }

    // ---- tickets (KB-1)

    /** The ticket if the user may work on it: its data scope over the owner, or an active assignment. */
    private void requireTicket(YewuPrincipal me, long ticketId) {
        DataScope.Condition scope = DataScope.of(me, "t.company_id", "t.owner_id");
        boolean found = jdbc.sql("SELECT count(*) > 0 FROM ticket t WHERE t.id = :id AND t.company_id = :c AND ((" + scope.sql()
                        + ") OR EXISTS (SELECT 1 FROM ticket_assignee x WHERE x.company_id = t.company_id AND x.ticket_id = t.id"
                        + " AND x.active AND (x.user_id = :me OR x.department_id = :dept)))")
                .params(scope.params()).param("id", ticketId).param("c", me.companyId()).param("me", me.id())
                .param("dept", me.departmentId()).query(Boolean.class).single();
        if (!found) throw ProblemException.notFound("ticket " + ticketId);
    }

    @Transactional
    List<TicketArticle> link(YewuPrincipal me, long ticketId, LinkInput in) {
        requireTicket(me, ticketId);
        if (in.articleId() == null) throw ProblemException.invalid("articleId", "required");
        Optional<Summary> a = inCompany(me, in.articleId());
        if (a.isEmpty()) throw ProblemException.invalid("articleId", "unknown", in.articleId());
        Summary s = a.get();
        Decision<Boolean> searchable = policy.searchable(State.valueOf(s.state()), s.effectiveFrom(), s.effectiveUntil(), today());
        if (!searchable.outcome()) throw ProblemException.invalid("articleId", "kb-article-not-in-force");
        Instant now = clock.instant();
        int added = jdbc.sql("""
                INSERT INTO ticket_article (company_id, ticket_id, article_id, linked_by, linked_at) VALUES (:c, :t, :a, :me, :now)
                ON CONFLICT (company_id, ticket_id, article_id) DO NOTHING""")
                .param("c", me.companyId()).param("t", ticketId).param("a", s.id()).param("me", me.id())
                .param("now", java.sql.Timestamp.from(now)).update();
        if (added == 1) {
            jdbc.sql("UPDATE ticket SET kb_article_id = :a WHERE company_id = :c AND id = :t")
                    .param("a", s.id()).param("c", me.companyId()).param("t", ticketId).update();
            jdbc.sql("""
                    INSERT INTO ticket_event (company_id, ticket_id, at, actor_id, kind, note, detail)
                    VALUES (:c, :t, :now, :me, 'ARTICLE_LINKED', :title, jsonb_build_object('articleId', :a))""")
                    .param("c", me.companyId()).param("t", ticketId).param("now", java.sql.Timestamp.from(now))
                    .param("me", me.id()).param("title", s.title()).param("a", s.id()).update();
        }
        return linked(me, ticketId);
    }

    List<TicketArticle> linked(YewuPrincipal me, long ticketId) {
        requireTicket(me, ticketId);
        return jdbc.sql("""
                SELECT x.article_id, a.title, a.kind, x.linked_by, u.display_name AS linked_by_name, x.linked_at
                FROM ticket_article x JOIN kb_article a ON a.company_id = x.company_id AND a.id = x.article_id
                JOIN app_user u ON u.company_id = x.company_id AND u.id = x.linked_by
                WHERE x.company_id = :c AND x.ticket_id = :t ORDER BY x.linked_at, x.id""")
                .param("c", me.companyId()).param("t", ticketId).query(TicketArticle.class).list();
    }

    // ---- knowledge tests (KB-2)

    @Transactional
    Score recordScore(YewuPrincipal me, ScoreInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.agentId() == null) problems.add(new FieldProblem("agentId", "required"));
        else if (!exists("app_user", me.companyId(), in.agentId())) problems.add(new FieldProblem("agentId", "unknown", in.agentId()));
        if (in.articleId() != null && !exists("kb_article", me.companyId(), in.articleId())) problems.add(new FieldProblem("articleId", "unknown", in.articleId()));
        String name = text(in.testName());
        if (name.isEmpty()) problems.add(new FieldProblem("testName", "required"));
        else if (name.length() > 200) problems.add(new FieldProblem("testName", "too-long", 200));
        BigDecimal max = in.maxScore() == null ? new BigDecimal("100") : in.maxScore();
        if (max.signum() <= 0 || max.compareTo(new BigDecimal("1000")) > 0) problems.add(new FieldProblem("maxScore", "kb-score-range", 0, 1000));
        if (in.score() == null) problems.add(new FieldProblem("score", "required"));
        else if (in.score().signum() < 0 || in.score().compareTo(max) > 0) problems.add(new FieldProblem("score", "kb-score-range", 0, max));
        else if (in.score().stripTrailingZeros().scale() > 2) problems.add(new FieldProblem("score", "money-decimals"));
        LocalDate on = in.takenOn() == null ? today() : in.takenOn();
        if (on.isAfter(today())) problems.add(new FieldProblem("takenOn", "kb-date-future"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        long id = jdbc.sql("""
                INSERT INTO kb_test_score (company_id, agent_id, article_id, test_name, score, max_score, taken_on, recorded_by, recorded_at)
                VALUES (:c, :agent, :article, :name, :score, :max, :on, :me, :now) RETURNING id""")
                .param("c", me.companyId()).param("agent", in.agentId()).param("article", in.articleId(), java.sql.Types.BIGINT)
                .param("name", name).param("score", in.score()).param("max", max).param("on", on).param("me", me.id())
                .param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record("kb-test-score", id, "create", Changes.of().created("agentId", in.agentId()).created("score", in.score()));
        return scores(me, in.agentId()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /** Scores within the caller's data scope over the agent (an agent: its own). */
    List<Score> scores(YewuPrincipal me, Long agentId) {
        DataScope.Condition scope = DataScope.of(me, "s.company_id", "s.agent_id");
        return jdbc.sql("""
                SELECT s.id, s.agent_id, u.display_name AS agent_name, s.article_id, a.title AS article_title, s.test_name,
                       s.score, s.max_score, s.taken_on, s.recorded_at
                FROM kb_test_score s JOIN app_user u ON u.company_id = s.company_id AND u.id = s.agent_id
                LEFT JOIN kb_article a ON a.company_id = s.company_id AND a.id = s.article_id
                WHERE\s""" + scope.sql() + " AND (CAST(:agent AS bigint) IS NULL OR s.agent_id = :agent) ORDER BY s.taken_on DESC, s.id DESC LIMIT 500")
                .params(scope.params()).param("agent", agentId, java.sql.Types.BIGINT).query(Score.class).list();
    }

    // ---- helpers

    private boolean exists(String table, long companyId, long id) {
        return jdbc.sql("SELECT count(*) > 0 FROM " + table + " WHERE company_id = :c AND id = :id")
                .param("c", companyId).param("id", id).query(Boolean.class).single();
    }

    private void dates(List<FieldProblem> problems, LocalDate from, LocalDate until, boolean required) {
        if (from == null) {
            if (required) problems.add(new FieldProblem("effectiveFrom", "required"));
        } else if (until != null && until.isBefore(from)) {
            problems.add(new FieldProblem("effectiveUntil", "date-order"));
        }
    }

    static String text(String s) {
        return s == null ? "" : s.strip();
    }

    static String escape(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

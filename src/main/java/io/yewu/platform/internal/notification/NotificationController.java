package io.yewu.platform.internal.notification;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The caller's own inbox; another user's notification answers 404 as if it did not exist. */
@Allow(anyUser = true)
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    record Item(long id, String kind, String title, String body, String link, OffsetDateTime createdAt,
                OffsetDateTime readAt) {}

    record Count(long count) {}

    private final JdbcClient jdbc;

    NotificationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    Page<Item> list(@RequestParam(defaultValue = "false") boolean unreadOnly, PageQuery page) {
        YewuPrincipal me = CurrentUser.get();
        boolean en = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        String fromWhere = " FROM notification WHERE company_id = :c AND user_id = :u"
                + (unreadOnly ? " AND read_at IS NULL" : "");
        Map<String, Object> params = Map.of("c", me.companyId(), "u", me.id());
        List<Item> items = jdbc.sql("SELECT id, kind, " + (en ? "title_en" : "title_zh") + " AS title, "
                        + (en ? "body_en" : "body_zh") + " AS body, link, created_at, read_at" + fromWhere
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(Item.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, fromWhere, params));
    }

    @GetMapping("/unread-count")
    Count unreadCount() {
        YewuPrincipal me = CurrentUser.get();
        return new Count(jdbc.sql(Page.cappedCountSql(
                        " FROM notification WHERE company_id = :c AND user_id = :u AND read_at IS NULL"))
                .param("c", me.companyId()).param("u", me.id()).query(Long.class).single());
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void read(@PathVariable long id) {
        YewuPrincipal me = CurrentUser.get();
        int found = jdbc.sql("""
                UPDATE notification SET read_at = coalesce(read_at, now())
                WHERE id = :id AND company_id = :c AND user_id = :u""")
                .param("id", id).param("c", me.companyId()).param("u", me.id()).update();
        if (found == 0) throw ProblemException.notFound("notification " + id);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void readAll() {
        YewuPrincipal me = CurrentUser.get();
        jdbc.sql("UPDATE notification SET read_at = now() WHERE company_id = :c AND user_id = :u AND read_at IS NULL")
                .param("c", me.companyId()).param("u", me.id()).update();
    }
}

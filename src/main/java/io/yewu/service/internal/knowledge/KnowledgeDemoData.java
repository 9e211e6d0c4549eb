package io.yewu.service.internal.knowledge;

import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.security.CompanyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The demo company's knowledge base: a catalogue and published articles (a price policy confirmed by finance, an
 * ordering rule and a return-visit script confirmed by the marketing centre), each with its notice, version and log,
 * so agents find answers on first start (issue 11's demo data).
 */
@Component
class KnowledgeDemoData {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDemoData.class);

    private record Demo(String category, String kind, String title, String notice, String body, String confirmer) {}

    private static final Demo[] ARTICLES = {
            new Demo("价格政策", "PRICE_POLICY", "新客户首单付款政策", "财务部通知：新客户首单须款到发货。",
                    "新客户第一张订单须全额付款后发货；自第二张订单起按合同约定的帐期结算。客户询问时请说明：这是公司统一规定，保障双方利益。", "cfo"),
            new Demo("业务规则", "BUSINESS_RULE", "订货与配送时间", "营销中心通知：每周二前提交的订单当周配送。",
                    "每周二 17:00 前提交的订单在本周四、周五配送；之后提交的顺延到下周。紧急订货请联系客户经理。", "mktdir"),
            new Demo("话术", "SCRIPT", "回访话术：投诉处理后回访", "营销中心通知：统一投诉回访话术。",
                    "您好，我是客服中心的回访专员。关于您前几天反映的问题，我们已经处理完毕，想了解一下问题是否已经解决？您对我们的处理是否满意？感谢您的支持，再见。", "mktdir"),
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    KnowledgeDemoData(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    void on(DemoCompanyCreated event) {
        try {
            CompanyContext.runAs(event.companyId(), () -> tx.executeWithoutResult(s -> write(event.companyId())));
        } catch (RuntimeException e) {
            log.error("Demo knowledge base could not be written; the demo company starts without it", e);
        }
    }

    private void write(long companyId) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        LocalDate today = LocalDate.ofInstant(clock.instant(), KnowledgeBase.SHANGHAI);
        Long editor = user(companyId, "editor");
        Long director = user(companyId, "servicedir");
        if (editor == null || director == null) return;
        for (Demo d : ARTICLES) {
            Long confirmer = user(companyId, d.confirmer());
            if (confirmer == null) continue;
            long category = jdbc.sql("""
                    INSERT INTO kb_category (company_id, name) VALUES (:c, :n)
                    ON CONFLICT (company_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                    .param("c", companyId).param("n", d.category()).query(Long.class).single();
            long id = jdbc.sql("""
                    INSERT INTO kb_article (company_id, category_id, kind, title, body, state, notice_text, issuing_department_id,
                      effective_from, revision, received_by, received_at, read_by, read_at, drafted_by, drafted_at,
                      confirmed_by, published_at)
                    SELECT :c, :cat, :kind, :title, :body, 'PUBLISHED', :notice, u.department_id, :from, 1, :editor, :now,
                      :director, :now, :editor, :now, u.id, :now
                    FROM app_user u WHERE u.company_id = :c AND u.id = :confirmer RETURNING id""")
                    .param("c", companyId).param("cat", category).param("kind", d.kind()).param("title", d.title())
                    .param("body", d.body()).param("notice", d.notice()).param("from", today.minusDays(30))
                    .param("editor", editor).param("now", now).param("director", director).param("confirmer", confirmer)
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO kb_article_version (company_id, article_id, revision, title, body, drafted_by, drafted_at)
                    VALUES (:c, :id, 1, :title, :body, :editor, :now)""")
                    .param("c", companyId).param("id", id).param("title", d.title()).param("body", d.body())
                    .param("editor", editor).param("now", now).update();
            String[][] steps = {{"RECEIVED", "0"}, {"READ", "0"}, {"DRAFTED", "1"}, {"PUBLISHED", "1"}};
            long[] actors = {editor, director, editor, confirmer};
            for (int i = 0; i < steps.length; i++) {
                jdbc.sql("""
                        INSERT INTO kb_article_log (company_id, article_id, action, revision, at, actor_id)
                        VALUES (:c, :id, :action, :rev, :now, :actor)""")
                        .param("c", companyId).param("id", id).param("action", steps[i][0])
                        .param("rev", Integer.parseInt(steps[i][1])).param("now", now).param("actor", actors[i]).update();
            }
        }
    }

    private Long user(long companyId, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE company_id = :c AND username = :u")
                .param("c", companyId).param("u", username).query(Long.class).optional().orElse(null);
    }
}

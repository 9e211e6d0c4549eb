package io.yewu.service;

import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** KB-1 and KB-2 over real HTTP with the demo company's service desk and the issuing departments. */
class KnowledgeBaseIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private long category(Api editor) {
        Api.Response r = editor.post("/api/kb/categories", Map.of("name", "价格政策 " + System.nanoTime()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long notice(Api editor, long category, String title, String issuerUsername, LocalDate from, LocalDate until) {
        Map<String, Object> body = new HashMap<>(Map.of("categoryId", category, "kind", "PRICE_POLICY", "title", title,
                "noticeText", "财务部通知：" + title, "issuingDepartmentId", TicketFixture.departmentOf(jdbc, issuerUsername),
                "effectiveFrom", from.toString(), "noticeFileName", "通知单.txt",
                "noticeFileBase64", Base64.getEncoder().encodeToString("原始通知单".getBytes(StandardCharsets.UTF_8))));
        if (until != null) body.put("effectiveUntil", until.toString());
        Api.Response r = editor.post("/api/kb/articles", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("article").path("id").asLong();
    }

    private JsonNode step(Api api, long id, String step, Map<String, Object> extra, int status) {
        long version = login("editor").get("/api/kb/articles/" + id).json().path("article").path("version").asLong();
        Map<String, Object> body = new HashMap<>(extra);
        body.put("version", version);
        Api.Response r = api.post("/api/kb/articles/" + id + "/" + step, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    /** Notice → read → draft → confirmed by the issuing department → published; returns the article id. */
    private long published(String title, String wording, LocalDate from, LocalDate until) {
        Api editor = login("editor");
        long id = notice(editor, category(editor), title, "cfo", from, until);
        step(login("servicedir"), id, "read", Map.of(), 200);
        step(editor, id, "draft", Map.of("body", wording), 200);
        step(login("cfo"), id, "confirm", Map.of(), 200);
        return id;
    }

    private List<String> search(Api api, String q) {
        Api.Response r = api.get("/api/kb/search?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(h -> h.path("title").asString()).toList();
    }

    @Test
    void KB2_noticeReadDraftConfirmPublishWithdraw_loggedWithHistory() {
        Api editor = login("editor");
        Api agent = login("agent1");
        String tag = "帐期" + System.nanoTime() % 100000;
        long id = notice(editor, category(editor), "新客户付款政策 " + tag, "cfo", TODAY.minusDays(1), null);
        // before publication only the desk's editors, the director and the issuing department see it
        assertThat(agent.get("/api/kb/articles/" + id).status()).isEqualTo(404);
        assertThat(login("cfo").get("/api/kb/articles/" + id).status()).isEqualTo(200);
        // the editor cannot draft what the director has not read; an agent may not draft at all
        assertThat(step(editor, id, "draft", Map.of("body", "x"), 409).path("code").asString()).isEqualTo("kb-step-not-allowed");
        step(agent, id, "draft", Map.of("body", "x"), 403);
        step(login("editor"), id, "read", Map.of(), 403);
        step(login("servicedir"), id, "read", Map.of(), 200);
        step(editor, id, "draft", Map.of("body", "新客户首次订货款到发货。"), 200);
        JsonNode second = step(editor, id, "draft", Map.of("body", "新客户首次订货款到发货，" + tag + "自第二单起三十天。"), 200);
        assertThat(second.path("versions")).hasSize(2);
        assertThat(second.path("article").path("revision").asInt()).isEqualTo(2);

        // KB-2b: a user of another department gets a clear 422 in zh and en and changes nothing
        long before = second.path("article").path("version").asLong();
        Api.Response wrong = login("mktdir").language("en").post("/api/kb/articles/" + id + "/confirm", Map.of("version", before));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
        assertThat(wrong.json().path("errors").get(0).path("code").asString()).isEqualTo("kb-confirm-wrong-department");
        assertThat(wrong.json().path("errors").get(0).path("message").asString()).contains("issuing department");
        Api.Response wrongZh = login("agent2").post("/api/kb/articles/" + id + "/confirm", Map.of("version", before));
        assertThat(wrongZh.status()).isIn(404, 422);
        JsonNode unchanged = editor.get("/api/kb/articles/" + id).json();
        assertThat(unchanged.path("article").path("state").asString()).isEqualTo("DRAFTED");
        assertThat(unchanged.path("article").path("version").asLong()).isEqualTo(before);
        assertThat(search(agent, tag)).isEmpty();

        JsonNode published = step(login("cfo"), id, "confirm", Map.of(), 200);
        assertThat(published.path("article").path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("inForce").asBoolean()).isTrue();
        assertThat(search(agent, tag)).containsExactly("新客户付款政策 " + tag);
        // the original notice stays with the article
        JsonNode seen = agent.get("/api/kb/articles/" + id).json();
        assertThat(seen.path("noticeText").asString()).startsWith("财务部通知");
        Api.Response file = agent.get("/api/kb/articles/" + id + "/notice-file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("原始通知单");

        step(agent, id, "withdraw", Map.of(), 403);
        JsonNode withdrawn = step(login("servicedir"), id, "withdraw", Map.of("note", "政策调整"), 200);
        assertThat(withdrawn.path("article").path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(search(agent, tag)).isEmpty();
        assertThat(withdrawn.path("log").valueStream().map(l -> l.path("action").asString()).toList())
                .containsExactly("RECEIVED", "READ", "DRAFTED", "DRAFTED", "PUBLISHED", "WITHDRAWN");
        assertThat(withdrawn.path("log").valueStream().allMatch(l -> !l.path("at").asString().isEmpty())).isTrue();
        assertThat(withdrawn.path("versions")).hasSize(2);
        // confirming again is a state conflict
        step(login("cfo"), id, "confirm", Map.of(), 409);
    }

    @Test
    void KB2c_expiredAndFutureArticlesLeaveSearchButKeepHistory() {
        String tag = "话术" + System.nanoTime() % 100000;
        long expired = published("过期政策 " + tag, "旧口径 " + tag, TODAY.minusDays(30), TODAY.minusDays(1));
        long future = published("未来政策 " + tag, "新口径 " + tag, TODAY.plusDays(3), null);
        long current = published("现行政策 " + tag, "现行口径 " + tag, TODAY, TODAY);
        Api agent = login("agent1");
        assertThat(search(agent, tag)).containsExactly("现行政策 " + tag);
        JsonNode old = agent.get("/api/kb/articles/" + expired).json();
        assertThat(old.path("inForce").asBoolean()).isFalse();
        assertThat(old.path("versions")).hasSize(1);
        assertThat(agent.get("/api/kb/articles/" + future).json().path("inForce").asBoolean()).isFalse();
        assertThat(agent.get("/api/kb/articles/" + current).json().path("inForce").asBoolean()).isTrue();
    }

    @Test
    void KB1_searchInChinese_twoCharactersAndMore_andBadQueries() {
        String tag = "卷烟" + System.nanoTime() % 100000;
        published("零售户订货规则 " + tag, "每周二前提交订单，" + tag + "按周配送。", TODAY, null);
        Api agent = login("agent1");
        assertThat(search(agent, tag)).hasSize(1);
        assertThat(search(agent, "零售户订货规则 " + tag)).hasSize(1);
        assertThat(search(agent, tag + "不存在")).isEmpty();
        Api.Response shortQ = agent.language("en").get("/api/kb/search?q=x");
        assertThat(shortQ.status()).isEqualTo(422);
        assertThat(shortQ.json().path("errors").get(0).path("message").asString()).isEqualTo("Type at least 2 characters");
        // percent signs are text, not patterns
        assertThat(search(agent, "%%")).isEmpty();
    }

    @Test
    void KB1_anAgentLinksAPublishedArticleToItsTicket() {
        String tag = "投诉" + System.nanoTime() % 100000;
        long article = published("投诉处理口径 " + tag, "先致歉再登记，" + tag, TODAY, null);
        long expired = published("过期口径 " + tag, "旧，" + tag, TODAY.minusDays(5), TODAY.minusDays(1));
        long ticket = TicketFixture.ticket(jdbc, "agent1", "INQUIRY", Instant.now());
        Api agent = login("agent1");
        Api.Response linked = agent.post("/api/tickets/" + ticket + "/articles", Map.of("articleId", article));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get(0).path("articleId").asLong()).isEqualTo(article);
        // linking twice adds nothing
        assertThat(agent.post("/api/tickets/" + ticket + "/articles", Map.of("articleId", article)).json()).hasSize(1);
        Api.Response notInForce = agent.post("/api/tickets/" + ticket + "/articles", Map.of("articleId", expired));
        assertThat(notInForce.status()).isEqualTo(422);
        assertThat(asSystem(() -> jdbc.sql("SELECT kb_article_id FROM ticket WHERE id = :t").param("t", ticket).query(Long.class).single()))
                .isEqualTo(article);
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM ticket_event WHERE ticket_id = :t AND kind = 'ARTICLE_LINKED'")
                .param("t", ticket).query(Long.class).single())).isEqualTo(1);
        // another agent's ticket is out of scope
        assertThat(login("agent2").post("/api/tickets/" + ticket + "/articles", Map.of("articleId", article)).status()).isEqualTo(404);
        assertThat(login("agent2").get("/api/tickets/" + ticket + "/articles").status()).isEqualTo(404);
        assertThat(login("shiftlead").get("/api/tickets/" + ticket + "/articles").json()).hasSize(1);
    }

    @Test
    void KB2_knowledgeTestScoresAreKept_agentsSeeTheirOwn() {
        long agent1 = TicketFixture.userId(jdbc, "agent1");
        Api lead = login("shiftlead");
        Api.Response r = lead.post("/api/kb/test-scores", Map.of("agentId", agent1, "testName", "新品知识测验", "score", 92, "maxScore", 100));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Api.Response over = lead.post("/api/kb/test-scores", Map.of("agentId", agent1, "testName", "新品知识测验", "score", 120, "maxScore", 100));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("errors").get(0).path("field").asString()).isEqualTo("score");
        assertThat(login("agent1").post("/api/kb/test-scores", Map.of("agentId", agent1, "testName", "x", "score", 100)).status()).isEqualTo(403);
        assertThat(login("agent1").get("/api/kb/test-scores").json().valueStream().map(s -> s.path("testName").asString()))
                .contains("新品知识测验");
        assertThat(login("agent2").get("/api/kb/test-scores").json().valueStream().filter(s -> s.path("agentId").asLong() == agent1)).isEmpty();
    }

    @Test
    void KB2_badNoticesAreRefusedAndOtherCompaniesSeeNothing() {
        Api editor = login("editor");
        Api.Response empty = editor.post("/api/kb/articles", Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("categoryId", "kind", "title", "noticeText", "issuingDepartmentId", "effectiveFrom");
        long id = published("本公司口径 " + System.nanoTime(), "内容", TODAY, null);
        String other = userOfNewCompany("KB", RoleCode.SERVICE_AGENT, "外地客服");
        assertThat(login(other).get("/api/kb/articles/" + id).status()).isEqualTo(404);
    }

    @Test
    void KB1_theDemoCompanyStartsWithPublishedArticles() {
        Api agent = login("agent1");
        assertThat(search(agent, "帐期")).contains("新客户首单付款政策");
        assertThat(search(agent, "回访专员")).contains("回访话术：投诉处理后回访");
        long id = agent.get("/api/kb/search?q=" + java.net.URLEncoder.encode("全额付款", StandardCharsets.UTF_8)).json().get(0).path("id").asLong();
        JsonNode article = agent.get("/api/kb/articles/" + id).json();
        assertThat(article.path("log").valueStream().map(l -> l.path("action").asString()).toList())
                .containsExactly("RECEIVED", "READ", "DRAFTED", "PUBLISHED");
        assertThat(article.path("article").path("issuingDepartmentName").asString()).isEqualTo("财务部");
    }

    @Test
    void KB2_theWorkflowListExportsWithWords_theAgentOnlyWhatWasPublished() {
        String title = "导出口径 " + System.nanoTime();
        published(title, "导出测试的统一口径", TODAY, null);
        Api editor = login("editor");
        long draft = notice(editor, category(editor), title + " 草稿", "cfo", TODAY, null);
        String q = java.net.URLEncoder.encode(title, StandardCharsets.UTF_8);

        List<List<String>> sheet = Xlsx.download(port, editor, "/api/kb/articles/export?q=" + q, "zh-CN");
        assertThat(sheet.getFirst()).startsWith("标题", "目录", "类别", "状态");
        assertThat(sheet.stream().skip(1).map(r -> r.get(0) + "/" + r.get(2) + "/" + r.get(3)))
                .containsExactlyInAnyOrder(title + "/价格政策/已发布", title + " 草稿/价格政策/已收通知");
        assertThat(Xlsx.download(port, editor, "/api/kb/articles/export?state=RECEIVED&q=" + q, "en").stream().skip(1)
                .map(r -> r.get(3))).containsExactly("Notice received");
        // an agent's export holds what the agent may read: the published article, not the draft
        assertThat(Xlsx.download(port, login("agent1"), "/api/kb/articles/export?q=" + q, "zh-CN").stream().skip(1)
                .map(r -> r.getFirst())).containsExactly(title);
        assertThat(login("sales1").get("/api/kb/articles/export").status()).isEqualTo(403);
        assertThat(draft).isPositive();

        // the issuers the notice form offers (and a transfer's departments): the company's tree, for any user
        JsonNode departments = editor.get("/api/tickets/departments").json();
        assertThat(departments.valueStream().map(d -> d.path("name").asString())).contains("财务部", "营销中心", "客服部");
        assertThat(departments.get(0).path("depth").asInt()).isZero();
        assertThat(departments.valueStream().filter(d -> d.path("name").asString().equals("财务部")).findFirst().orElseThrow()
                .path("depth").asInt()).isPositive();
        assertThat(login("agent1").get("/api/tickets/departments").json().size()).isEqualTo(departments.size());
        assertThat(anonymous().get("/api/tickets/departments").status()).isEqualTo(401);
    }
}

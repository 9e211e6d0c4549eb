package io.yewu.platform.notification;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationIT extends PlatformIntegrationTest {

    @Autowired Notifier notifier;
    @Autowired TestSubject subject;
    @Autowired TransactionTemplate tx;

    private void send(String username, String title) {
        long user = subject.userId(username);
        CompanyContext.runAs(subject.companyId(), () -> tx.executeWithoutResult(s -> notifier.notify(user, "test",
                "中文" + title, "English " + title, "正文", "Body", "/somewhere")));
    }

    @Test
    void PLT7_inboxShowsOwnNotificationsInTheUsersLanguageAndMarksThemRead() {
        send("sales4", "一");
        send("sales4", "二");
        Api sales4 = login("sales4");
        long unread = sales4.get("/api/notifications/unread-count").json().path("count").asLong();
        assertThat(unread).isGreaterThanOrEqualTo(2);

        JsonNode page = sales4.get("/api/notifications?unreadOnly=true").json();
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("title").asString()).isEqualTo("中文二");
        assertThat(newest.path("body").asString()).isEqualTo("正文");
        assertThat(newest.path("link").asString()).isEqualTo("/somewhere");
        assertThat(sales4.language("en").get("/api/notifications").json().path("items").get(0).path("title").asString())
                .isEqualTo("English 二");

        assertThat(sales4.post("/api/notifications/" + newest.path("id").asLong() + "/read", null).status()).isEqualTo(204);
        assertThat(sales4.get("/api/notifications/unread-count").json().path("count").asLong()).isEqualTo(unread - 1);
        assertThat(sales4.post("/api/notifications/read-all", null).status()).isEqualTo(204);
        assertThat(sales4.get("/api/notifications/unread-count").json().path("count").asLong()).isZero();
        assertThat(sales4.get("/api/notifications?unreadOnly=true").json().path("items").size()).isZero();
    }

    @Test
    void PLT7_anotherUsersNotificationIsNotFound() {
        send("sales3", "私");
        long theirs = login("sales3").get("/api/notifications").json().path("items").get(0).path("id").asLong();
        Api other = login("sales2");
        assertThat(other.post("/api/notifications/" + theirs + "/read", null).status()).isEqualTo(404);
        assertThat(other.get("/api/notifications?size=200").json().path("items").valueStream()
                .map(n -> n.path("id").asLong())).doesNotContain(theirs);
    }
}

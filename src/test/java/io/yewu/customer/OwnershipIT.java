package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Disputes, transfers and the ownership ledger (CUS-7, CUS-8; RCV-2 asks "who owned X on date D"). */
class OwnershipIT extends IntegrationTest {

    private long userId(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private long ownerAt(long customerId, OffsetDateTime at) {
        return login("manager").get("/api/customers/ownership?customerId=" + customerId + "&at="
                + java.net.URLEncoder.encode(at.toString(), java.nio.charset.StandardCharsets.UTF_8)).json().path("ownerId").asLong();
    }

    @Test
    void CUS7_aDisputeHeardFromBothSidesAndDecidedFromAPastDateRewritesOwnershipFromThatDate() {
        String name = unique("争议客户");
        long customer = login("sales1").post("/api/customers", CustomerFilingIT.customer(name, mobile())).json().path("id").asLong();
        OffsetDateTime filed = OffsetDateTime.now(ZoneOffset.ofHours(8));
        asSystem(() -> jdbc.sql("UPDATE customer_ownership SET valid_from = valid_from - interval '30 days' WHERE customer_id = :id")
                .param("id", customer).update());
        Api sales2 = login("sales2");
        long claim = sales2.post("/api/customers", CustomerFilingIT.customer(name, mobile())).json().path("claimId").asLong();

        assertThat(login("sales3").post("/api/claims/" + claim + "/dispute", Map.of("statement", "不是我的")).status()).isEqualTo(403);
        Api.Response opened = sales2.post("/api/claims/" + claim + "/dispute", Map.of("statement", "我上月已拜访过该客户"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long dispute = opened.json().path("id").asLong();
        assertThat(login("sales1").post("/api/disputes/" + dispute + "/statements", Map.of("text", "我先建档")).status()).isEqualTo(201);
        assertThat(login("sales1").post("/api/disputes/" + dispute + "/decide",
                Map.of("outcome", "TRANSFER", "reason", "x", "version", 0)).status()).isEqualTo(403);
        Api manager = login("manager");
        Api.Response noReason = manager.post("/api/disputes/" + dispute + "/decide", Map.of("outcome", "KEEP", "reason", " ", "version", 0));
        assertThat(noReason.status()).isEqualTo(422);

        OffsetDateTime from = filed.minusDays(10);
        JsonNode decided = manager.post("/api/disputes/" + dispute + "/decide", Map.of("outcome", "TRANSFER_FROM",
                "effectiveFrom", from.toString(), "reason", "刘洋十天前已实际跟进", "version", 0)).json();
        assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.path("statements").size()).isEqualTo(2);

        assertThat(ownerAt(customer, filed.minusDays(20))).isEqualTo(userId("sales1"));
        assertThat(ownerAt(customer, from.plusMinutes(1))).isEqualTo(userId("sales2"));
        assertThat(ownerAt(customer, filed.plusMinutes(1))).isEqualTo(userId("sales2"));
        JsonNode detail = login("sales2").get("/api/customers/" + customer).json();
        assertThat(detail.path("ownership").size()).isEqualTo(2);
        assertThat(detail.path("decisions").toString()).contains("CUS-7", "dispute-decision");
        assertThat(login("sales1").get("/api/customers/" + customer).status()).isEqualTo(404);
        assertThat(manager.post("/api/disputes/" + dispute + "/decide", Map.of("outcome", "KEEP", "reason", "再议", "version", 1)).code())
                .isEqualTo("dispute-closed");
    }

    @Test
    void CUS7_keepingLeavesTheOwnerAndClosesTheClaim() {
        String name = unique("维持客户");
        long customer = login("sales3").post("/api/customers", CustomerFilingIT.customer(name, mobile())).json().path("id").asLong();
        long claim = login("sales4").post("/api/customers", CustomerFilingIT.customer(name, mobile())).json().path("claimId").asLong();
        long dispute = login("sales4").post("/api/claims/" + claim + "/dispute", Map.of("statement", "申诉")).json().path("id").asLong();
        login("manager").post("/api/disputes/" + dispute + "/decide", Map.of("outcome", "KEEP", "reason", "先建档者负责", "version", 0));
        assertThat(ownerAt(customer, OffsetDateTime.now().plusMinutes(1))).isEqualTo(userId("sales3"));
        String status = asSystem(() -> jdbc.sql("SELECT status FROM customer_claim WHERE id = :id").param("id", claim).query(String.class).single());
        assertThat(status).isEqualTo("CLOSED");
    }

    @Test
    void CUS8_onlyAManagerTransfersAndThePastStaysWithTheEarlierOwner() {
        long customer = login("sales1").post("/api/customers", CustomerFilingIT.customer(unique("转移客户"), mobile())).json().path("id").asLong();
        OffsetDateTime before = OffsetDateTime.now();
        Api.Response noReason = login("manager").post("/api/customers/" + customer + "/transfer", Map.of("toUserId", userId("sales3"), "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        JsonNode moved = login("manager").post("/api/customers/" + customer + "/transfer",
                Map.of("toUserId", userId("sales3"), "reason", "张伟调岗")).json();
        assertThat(moved.path("ownerName").asString()).isEqualTo("陈静");
        assertThat(ownerAt(customer, before)).isEqualTo(userId("sales1"));
        assertThat(ownerAt(customer, OffsetDateTime.now().plusSeconds(1))).isEqualTo(userId("sales3"));
        String audit = asSystem(() -> jdbc.sql("SELECT changes::text FROM audit_log WHERE entity_type = 'customer' AND entity_id = :id AND action = 'transfer'")
                .param("id", String.valueOf(customer)).query(String.class).single());
        assertThat(audit).contains("张伟调岗");
    }

    @Test
    void CUS8_aLeaversWholeBookMovesAtOnce() {
        Api sales4 = login("sales4");
        for (int i = 0; i < 3; i++) sales4.post("/api/customers", CustomerFilingIT.customer(unique("离职客户"), mobile()));
        long owned = asSystem(() -> jdbc.sql("SELECT count(*) FROM customer WHERE owner_id = :u").param("u", userId("sales4")).query(Long.class).single());
        JsonNode r = login("manager").post("/api/customers/transfer", Map.of("fromUserId", userId("sales4"),
                "toUserId", userId("sales2"), "reason", "离职交接")).json();
        assertThat(r.path("transferred").asLong()).isEqualTo(owned);
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM customer WHERE owner_id = :u").param("u", userId("sales4")).query(Long.class).single()))
                .isZero();
    }

    private static java.util.List<String> titles(Api api) {
        return api.get("/api/notifications?size=200").json().path("items").valueStream().map(n -> n.path("title").asString()).toList();
    }

    @Test
    void CUS7_aManagerWhoOwnsTheCustomerNeverDecidesItsDisputeTheGeneralManagerDoes() {
        String name = unique("经理客户");
        Api manager = login("manager");
        Api.Response filed = manager.post("/api/customers", CustomerFilingIT.customer(name, mobile()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long customer = filed.json().path("id").asLong();
        Api sales1 = login("sales1");
        long claim = sales1.post("/api/customers", CustomerFilingIT.customer(name, mobile())).json().path("claimId").asLong();
        long dispute = sales1.post("/api/claims/" + claim + "/dispute", Map.of("statement", "我先拜访的")).json().path("id").asLong();

        Api gm = login("gm");
        assertThat(titles(gm)).contains("待裁定的归属争议：" + name);
        assertThat(titles(manager)).doesNotContain("待裁定的归属争议：" + name);
        Api.Response byParty = manager.post("/api/disputes/" + dispute + "/decide", Map.of("outcome", "KEEP", "reason", "我的客户", "version", 0));
        assertThat(byParty.status()).isEqualTo(409);
        assertThat(byParty.code()).isEqualTo("dispute-party");

        JsonNode decided = gm.post("/api/disputes/" + dispute + "/decide", Map.of("outcome", "TRANSFER", "reason", "张伟实际跟进", "version", 0)).json();
        assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.path("decidedByName").asString()).isEqualTo("王总");
        assertThat(ownerAt(customer, OffsetDateTime.now().plusSeconds(1))).isEqualTo(userId("sales1"));
    }

    @Test
    void CUS8_aManagerWhoIsAPartyCannotTransferTheGeneralManagerCan() {
        long customer = login("sales1").post("/api/customers", CustomerFilingIT.customer(unique("自转客户"), mobile())).json().path("id").asLong();
        Api manager = login("manager");
        Api.Response toSelf = manager.post("/api/customers/" + customer + "/transfer", Map.of("toUserId", userId("manager"), "reason", "我来跟"));
        assertThat(toSelf.status()).isEqualTo(409);
        assertThat(toSelf.code()).isEqualTo("transfer-party");
        assertThat(ownerAt(customer, OffsetDateTime.now().plusSeconds(1))).isEqualTo(userId("sales1"));

        long own = manager.post("/api/customers", CustomerFilingIT.customer(unique("经理自有"), mobile())).json().path("id").asLong();
        assertThat(manager.post("/api/customers/" + own + "/transfer", Map.of("toUserId", userId("sales2"), "reason", "交出")).code())
                .isEqualTo("transfer-party");
        assertThat(manager.post("/api/customers/transfer", Map.of("fromUserId", userId("manager"), "toUserId", userId("sales2"),
                "reason", "交出全部")).code()).isEqualTo("transfer-party");
        assertThat(manager.post("/api/customers/transfer", Map.of("fromUserId", userId("sales2"), "toUserId", userId("manager"),
                "reason", "接手全部")).code()).isEqualTo("transfer-party");

        Api.Response byGm = login("gm").post("/api/customers/" + customer + "/transfer", Map.of("toUserId", userId("manager"), "reason", "重点客户由经理跟进"));
        assertThat(byGm.status()).as(byGm.body()).isEqualTo(200);
        assertThat(byGm.json().path("ownerName").asString()).isEqualTo("李经理");
    }
}

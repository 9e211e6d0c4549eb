package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** KB-2: the kept test scores as a paged, filtered, exported list; an agent sees its own, the lead and the director all. */
class KnowledgeTestIT extends IntegrationTest {

    @Test
    @DisplayName("KB-2: scores recorded by the shift lead; agents read only their own, the lead and the director all")
    void scoresListed() {
        Api lead = login("shiftlead");
        long agent1 = ServiceFixtures.userId(jdbc, "agent1");
        long agent2 = ServiceFixtures.userId(jdbc, "agent2");
        String test = "新品上市口径" + System.nanoTime() % 100000;
        var first = lead.post("/api/kb/test-scores", Map.of("agentId", agent1, "testName", test, "score", 92.5, "maxScore", 100,
                "takenOn", LocalDate.now(ServiceFixtures.SH).minusDays(1).toString()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(lead.post("/api/kb/test-scores", Map.of("agentId", agent2, "testName", test, "score", 78)).status()).isEqualTo(201);

        JsonNode all = login("servicedir").get("/api/kb/tests?size=200&q=" + test).json();
        assertThat(all.path("items").size()).isEqualTo(2);
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode own = login("agent1").get("/api/kb/tests?size=200&q=" + test).json().path("items");
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).path("agentId").asLong()).isEqualTo(agent1);
        assertThat(own.get(0).path("score").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(own.get(0).path("recordedByName").asString()).isNotBlank();
        // an agent asking for another's scores still gets only its own
        assertThat(login("agent1").get("/api/kb/tests?size=200&q=" + test + "&agentId=" + agent2).json().path("items").size()).isEqualTo(1);
        assertThat(lead.get("/api/kb/tests?agentId=" + agent2 + "&q=" + test).json().path("items").size()).isEqualTo(1);
        String today = LocalDate.now(ServiceFixtures.SH).toString();
        assertThat(lead.get("/api/kb/tests?q=" + test + "&from=" + today).json().path("items").size()).isEqualTo(1);
        assertThat(lead.get("/api/kb/tests/export").status()).isEqualTo(200);
        assertThat(login("sales1").get("/api/kb/tests").status()).isEqualTo(403);
    }
}

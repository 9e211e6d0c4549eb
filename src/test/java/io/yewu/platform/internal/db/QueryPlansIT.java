package io.yewu.platform.internal.db;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0040: a writing request's statements may reuse their prepared plans; reads and background work plan each
 * statement for its values. The mode travels with the company wall's statement, so a pooled connection that served
 * a write and then serves a read must be switched back (and the other way round).
 */
class QueryPlansIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    QueryPlans plans;

    private String modeDuring(String method) throws Exception {
        List<String> seen = new ArrayList<>();
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/anything");
        plans.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.add(modeOfAConnection()));
        return seen.getFirst();
    }

    private String modeOfAConnection() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('plan_cache_mode')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writesReusePlansWhileReadsAndBackgroundWorkPlanForTheirValues() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(modeDuring("POST")).as("a POST, round " + i).isEqualTo("auto");
            assertThat(modeDuring("GET")).as("a GET after a POST, round " + i).isEqualTo("force_custom_plan");
            assertThat(modeDuring("PUT")).as("a PUT, round " + i).isEqualTo("auto");
            assertThat(modeOfAConnection()).as("work outside a request (jobs), round " + i).isEqualTo("force_custom_plan");
            assertThat(modeDuring("DELETE")).as("a DELETE, round " + i).isEqualTo("auto");
            assertThat(modeDuring("HEAD")).as("a HEAD, round " + i).isEqualTo("force_custom_plan");
        }
    }
}

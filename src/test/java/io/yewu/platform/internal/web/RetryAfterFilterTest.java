package io.yewu.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every 429 says when to come back, whoever produced it. */
class RetryAfterFilterTest {

    private MockHttpServletResponse run(jakarta.servlet.Servlet servlet) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RetryAfterFilter().doFilter(new MockHttpServletRequest("POST", "/api/x"), response, new MockFilterChain(servlet));
        return response;
    }

    @Test
    void a429WithoutRetryAfterGetsTheDefault() throws Exception {
        MockHttpServletResponse r = run(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(429);
            }
        });
        assertThat(r.getHeaders("Retry-After")).containsExactly("60");
    }

    @Test
    void sendErrorWith429GetsTheDefaultToo() throws Exception {
        MockHttpServletResponse r = run(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) throws java.io.IOException {
                res.sendError(429, "slow down");
            }
        });
        assertThat(r.getHeaders("Retry-After")).containsExactly("60");
    }

    @Test
    void theProducersOwnValueReplacesTheDefault() throws Exception {
        MockHttpServletResponse r = run(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(429);
                res.addHeader("Retry-After", "900");
            }
        });
        assertThat(r.getHeaders("Retry-After")).containsExactly("900");
    }

    @Test
    void otherAnswersGetNone() throws Exception {
        MockHttpServletResponse r = run(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(409);
            }
        });
        assertThat(r.getHeader("Retry-After")).isNull();
    }
}

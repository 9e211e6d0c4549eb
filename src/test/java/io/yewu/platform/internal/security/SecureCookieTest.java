package io.yewu.platform.internal.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code yewu.web.secure-cookies}: auto follows the request's scheme (behind a TLS proxy: X-Forwarded-Proto). */
class SecureCookieTest {

    @ParameterizedTest(name = "secure-cookies={0}, request over https={1}: Secure={2}")
    @CsvSource({"auto, true, true", "auto, false, false", "true, false, true", "false, true, false"})
    void theSessionCookieIsSecureAsConfigured(String setting, boolean https, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        new SecurityConfiguration().secureSessionCookie(setting).customize(serializer);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(https);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "abc"));
        assertThat(response.getHeader("Set-Cookie").contains("Secure")).isEqualTo(secure);
    }
}

package io.yewu.platform.internal.security;

import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: the session's two attributes stored field by field read back equal; anything else, and old rows, as before. */
class SessionAttributeCodecTest {

    private final SessionAttributeCodec codec = new SessionAttributeCodec(getClass().getClassLoader());
    private final YewuPrincipal principal = new YewuPrincipal(27, 3, "bench01", "梁秀英", 5, "/1/2/3/",
            new LinkedHashSet<>(List.of("SALESPERSON", "SERVICE_AGENT")), DataScopeLevel.values()[0], "zh-CN");

    private SecurityContextImpl login(YewuPrincipal p) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(p, null,
                List.of(new SimpleGrantedAuthority("ROLE_SALESPERSON"), new SimpleGrantedAuthority("ROLE_SERVICE_AGENT"))));
    }

    @Test
    void aLoginIsStoredFieldByFieldAndReadsBackEqual() {
        byte[] stored = codec.encode(login(principal));
        assertThat(stored[0]).as("not Java serialization").isNotEqualTo((byte) 0xAC);
        assertThat(stored.length).as("smaller than the 1.26 KB Java serialization wrote").isLessThan(200);
        var back = (SecurityContextImpl) codec.decode(stored);
        assertThat(back.getAuthentication().isAuthenticated()).isTrue();
        assertThat(back.getAuthentication().getPrincipal()).isEqualTo(principal);
        assertThat(back.getAuthentication().getCredentials()).isNull();
        assertThat(back.getAuthentication().getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_SALESPERSON", "ROLE_SERVICE_AGENT");
        assertThat(((YewuPrincipal) back.getAuthentication().getPrincipal()).roles()).containsExactly("SALESPERSON", "SERVICE_AGENT");
    }

    @Test
    void nullableFieldsStayNull() {
        var bare = new YewuPrincipal(1, 1, "admin", "管理员", 1, null, Set.of(), null, null);
        var back = (SecurityContextImpl) codec.decode(codec.encode(login(bare)));
        assertThat(back.getAuthentication().getPrincipal()).isEqualTo(bare);
    }

    @Test
    void theCsrfTokenReadsBackEqual() {
        var token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "5f0c1c8e-token");
        var back = (DefaultCsrfToken) codec.decode(codec.encode(token));
        assertThat(back.getHeaderName()).isEqualTo("X-XSRF-TOKEN");
        assertThat(back.getParameterName()).isEqualTo("_csrf");
        assertThat(back.getToken()).isEqualTo("5f0c1c8e-token");
    }

    @Test
    void aContextWithMoreThanALoginStillGoesThroughJavaSerialization() {
        var withDetails = UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
        withDetails.setDetails(new WebAuthenticationDetails("127.0.0.1", "s1"));
        byte[] stored = codec.encode(new SecurityContextImpl(withDetails));
        assertThat(stored[0]).isEqualTo((byte) 0xAC);
        var back = (SecurityContextImpl) codec.decode(stored);
        assertThat(back.getAuthentication().getDetails()).isEqualTo(new WebAuthenticationDetails("127.0.0.1", "s1"));
        assertThat(codec.decode(codec.encode("a plain attribute"))).isEqualTo("a plain attribute");
    }

    @Test
    void aSessionStoredBeforeTheChangeStillReads() {
        byte[] old = new SerializingConverter().convert(login(principal));
        var back = (SecurityContextImpl) codec.decode(old);
        assertThat(back.getAuthentication().getPrincipal()).isEqualTo(principal);
    }

    @Test
    void aRowOfAnUnknownVersionOrDamagedReadsAsNoSession() {
        byte[] stored = codec.encode(login(principal));
        byte[] future = stored.clone();
        future[1] = 99;
        assertThat(codec.decode(future)).isNull();
        assertThat(codec.decode(java.util.Arrays.copyOf(stored, 12))).isNull();
    }
}

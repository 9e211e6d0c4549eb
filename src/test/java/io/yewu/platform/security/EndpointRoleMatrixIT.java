package io.yewu.platform.security;

import io.yewu.platform.internal.security.EndpointAccess;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-5 / PLT-11: every mapped endpoint × every role answers as its {@code @Allow} declares. A role the declaration
 * leaves out gets 403; a role it admits never gets 401/403 (nor a 500, whatever the empty input); no login gets 401
 * except on anonymous endpoints. Endpoints come from Spring's handler mappings, so a new endpoint is in the matrix
 * the moment it exists, and one without a declaration stops the application from starting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointRoleMatrixIT extends IntegrationTest {

    private static final String NO_SUCH_ID = "987654321";

    @Autowired
    EndpointAccess access;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<RoleCode, Api> clients = new EnumMap<>(RoleCode.class);

    /** One user per role, holding that role only, in the demo company's sales department. */
    @BeforeAll
    void oneUserPerRole() {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        long department = asSystem(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'sales1'")
                .query(Long.class).single());
        for (RoleCode role : RoleCode.values()) addUser(company, username(role), role, "矩阵" + role.zh(), department);
        for (RoleCode role : RoleCode.values()) clients.put(role, login(username(role)));
    }

    @Test
    void everyApiHandlerDeclaresWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            boolean declared = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Allow.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Allow.class);
            if (api && !declared) undeclared.add(handler.toString());
        });
        assertThat(undeclared).as("API handlers without @Allow").isEmpty();
        assertThat(access.endpoints()).as("the endpoint table covers every API mapping").hasSizeGreaterThan(50);
    }

    @Test
    void everyEndpointAnswersEveryRoleAsDeclared() {
        List<EndpointAccess.Endpoint> endpoints = new ArrayList<>(access.endpoints());
        // logging out ends the caller's session: anonymous endpoints (login, logout) go last
        endpoints.sort(Comparator.comparing((EndpointAccess.Endpoint e) -> e.rule().anonymous())
                .thenComparing(e -> e.path().endsWith("/logout")));
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (RoleCode role : RoleCode.values()) {
            Api api = clients.get(role);
            for (EndpointAccess.Endpoint e : endpoints) {
                Api.Response r;
                try {
                    r = call(api, e);
                } catch (IllegalStateException timeout) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " did not answer: " + timeout.getMessage());
                    continue;
                }
                calls++;
                boolean admitted = e.rule().admits(role);
                if (admitted && (r.status() == 401 || r.status() == 403 || r.status() >= 500)) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " admitted but answered " + r.status() + " " + r.body());
                } else if (!admitted && r.status() != 403) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " not admitted but answered " + r.status());
                }
            }
        }
        for (EndpointAccess.Endpoint e : endpoints) {
            Api.Response r = call(anonymous(), e);
            calls++;
            if (e.rule().anonymous() ? (r.status() == 401 || r.status() == 403 || r.status() >= 500) : r.status() != 401) {
                wrong.add("anonymous " + e.method() + " " + e.path() + " answered " + r.status());
            }
        }
        System.out.printf("Endpoint × role matrix: %d endpoints × %d roles + anonymous = %d calls%n",
                endpoints.size(), RoleCode.values().length, calls);
        assertThat(wrong).as("answers that differ from @Allow").isEmpty();
    }

    private static Api.Response call(Api api, EndpointAccess.Endpoint e) {
        String path = concrete(e.path());
        if (e.consumes().stream().anyMatch(t -> t.startsWith("multipart/"))) {
            return api.upload(path, "file", "empty.bin", new byte[0]);
        }
        return switch (e.method()) {
            case "GET", "DELETE" -> api.send(e.method(), path, null);
            default -> api.send(e.method(), path, "{}");
        };
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

    /** A path with its variables filled: ids that exist nowhere, a year, a date, a key. */
    static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern.replace("{year:\\d{4}}", "2026"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "year" -> "2026";
                case "date" -> "2026-01-05";
                case "key" -> "no-such-key";
                default -> NO_SUCH_ID;
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString().replace("/**", "/x");
    }

    private static String username(RoleCode role) {
        return "matrix-" + role.name().toLowerCase().replace('_', '-');
    }
}

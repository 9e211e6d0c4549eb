package io.yewu.platform.internal.web;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0051: for every mapping of the application and each of its methods, a request to a path its pattern
 * matches is answered by the narrowed lookup exactly as by Spring's lookup over every mapping — the same controller
 * method, the same path variables, or the same refusal (404, 405).
 */
class IndexedRequestMappingsIT extends IntegrationTest {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private record Answer(HandlerMethod handler, Object variables, Class<?> refusal) {}

    private Answer ask(java.util.function.Function<MockHttpServletRequest, HandlerMethod> lookup, String method, String path, RequestMappingInfo info) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (info != null) {
            info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().ifPresent(t -> request.setContentType(t.toString()));
            info.getParamsCondition().getExpressions().forEach(e -> {
                if (!e.isNegated()) request.addParameter(e.getName(), e.getValue() == null ? "1" : e.getValue());
            });
            info.getHeadersCondition().getExpressions().forEach(e -> {
                if (!e.isNegated()) request.addHeader(e.getName(), e.getValue() == null ? "1" : e.getValue());
            });
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerMethod found = lookup.apply(request);
            return new Answer(found, request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE), null);
        } catch (RuntimeException e) {
            return new Answer(null, null, (e.getCause() != null ? e.getCause() : e).getClass());
        }
    }

    private void same(String method, String path, RequestMappingInfo info) {
        IndexedRequestMappings indexed = (IndexedRequestMappings) mapping;
        Answer narrowed = ask(r -> call(() -> indexed.lookupHandlerMethod(path, r)), method, path, info);
        Answer all = ask(r -> call(() -> indexed.lookupOverAll(path, r)), method, path, info);
        assertThat(narrowed).as("%s %s", method, path).isEqualTo(all);
    }

    private static HandlerMethod call(java.util.concurrent.Callable<HandlerMethod> lookup) {
        try {
            return lookup.call();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    /** A path the pattern matches: a variable becomes 1, a wildcard a segment of letters. */
    static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x/y").replaceAll("\\{[^}]+}", "1")
                .replace("**", "x/y").replace("*", "x").replace("?", "a");
    }

    @Test
    void everyMappingIsAnsweredAsSpringsOwnLookupAnswersIt() {
        assertThat(mapping).isInstanceOf(IndexedRequestMappings.class);
        List<String> asked = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : Objects.requireNonNull(info.getPathPatternsCondition()).getPatterns()) {
                String path = sample(pattern.getPatternString());
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    same(m.name(), path, info);
                    asked.add(m + " " + path);
                }
                // a method the mapping does not take: 405 or another mapping of the path, decided as Spring decides
                same("PATCH", path, info);
            }
        });
        assertThat(asked).as("every mapping of the application").hasSizeGreaterThan(200);
        same("GET", "/api/no-such-thing/1", null);
        same("GET", "/API/CUSTOMERS/1", null);
        same("GET", "/api/customers/1/", null);
        same("GET", "/api/%63ustomers/1", null);
        same("GET", "/", null);
    }

    @Test
    void aPathWithAVariableIsAnsweredWithoutTryingEveryMapping() {
        IndexedRequestMappings indexed = (IndexedRequestMappings) mapping;
        long before = indexed.fallbacks.sum();
        Answer detail = ask(r -> call(() -> indexed.lookupHandlerMethod("/api/customers/42", r)), "GET", "/api/customers/42", null);
        assertThat(detail.handler().getMethod().getName()).isEqualTo("detail");
        assertThat(detail.variables()).isEqualTo(java.util.Map.of("id", "42"));
        assertThat(indexed.fallbacks.sum()).isEqualTo(before);
    }

    @Test
    void aPatternIsFiledUnderItsLiteralFirstTwoSegments() {
        assertThat(IndexedRequestMappings.key("/api/customers/{id}")).isEqualTo("api/customers");
        assertThat(IndexedRequestMappings.key("/api/customers")).isEqualTo("api/customers");
        assertThat(IndexedRequestMappings.key("/api")).isEqualTo("api");
        assertThat(IndexedRequestMappings.key("/api/{kind}/x")).isNull();
        assertThat(IndexedRequestMappings.key("/**")).isNull();
        assertThat(IndexedRequestMappings.key("/Api/Orders/")).isEqualTo("api/orders");
    }
}

package io.yewu.platform.internal.security;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The endpoint × role table, read once from the {@link Allow} of every handler under {@code /api}. The application
 * does not start while a handler has no declaration, or declares an anonymous endpoint outside the paths the security
 * chain leaves open; {@link AccessInterceptor} enforces the table on every request.
 */
@Component
public class EndpointAccess implements SmartInitializingSingleton {

    /** Paths the security chain lets through without a login; only they may hold anonymous endpoints. */
    static final List<String> OPEN_PATHS = List.of("/api/auth/", "/api/public/");

    /** One endpoint as declared: who may call it. */
    public record Rule(Set<RoleCode> roles, boolean anyUser, boolean anonymous) {

        public boolean admits(YewuPrincipal user) {
            if (anonymous || anyUser) return true;
            if (user == null) return false;
            for (String role : user.roles()) {
                for (RoleCode r : roles) if (r.name().equals(role)) return true;
            }
            return false;
        }

        public boolean admits(RoleCode role) {
            return anonymous || anyUser || roles.contains(role);
        }
    }

    /** A mapped endpoint with its rule (and the media types it consumes), for the matrix test and the documentation. */
    public record Endpoint(String method, String path, String handler, Rule rule, Set<String> consumes) {}

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<Method, Optional<Rule>> rules = new ConcurrentHashMap<>();
    private volatile List<Endpoint> endpoints = List.of();

    /** The mapping is looked up late: it is built with the interceptor that needs this table. */
    EndpointAccess(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Endpoint> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        mappings.getObject().getHandlerMethods().forEach((info, handler) -> {
            for (String path : paths(info)) {
                if (!path.startsWith("/api/")) continue;
                Rule rule = declared(handler);
                String name = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
                if (rule == null) {
                    problems.add(name + " (" + path + ") has no @Allow");
                    continue;
                }
                if (rule.anonymous() && OPEN_PATHS.stream().noneMatch(path::startsWith)) {
                    problems.add(name + " (" + path + ") is anonymous outside " + OPEN_PATHS);
                }
                Set<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .map(Object::toString).collect(Collectors.toUnmodifiableSet());
                for (String method : methods(info)) found.add(new Endpoint(method, path, name, rule, consumes));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Every endpoint declares who may call it (@Allow):\n  "
                    + String.join("\n  ", problems));
        }
        found.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        endpoints = List.copyOf(found);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The rule of a handler method: its own {@link Allow}, else its controller's; null when neither declares one. */
    public Rule rule(HandlerMethod handler) {
        return declared(handler);
    }

    private Rule declared(HandlerMethod handler) {
        return rules.computeIfAbsent(handler.getMethod(), m -> {
            Allow allow = AnnotatedElementUtils.findMergedAnnotation(m, Allow.class);
            if (allow == null) allow = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allow.class);
            return Optional.ofNullable(allow).map(EndpointAccess::toRule);
        }).orElse(null);
    }

    static Rule toRule(Allow allow) {
        EnumSet<RoleCode> roles = EnumSet.noneOf(RoleCode.class);
        roles.addAll(Arrays.asList(allow.value()));
        for (RoleGroup g : allow.groups()) roles.addAll(g.roles());
        if (roles.isEmpty() && !allow.anyUser() && !allow.anonymous()) {
            throw new IllegalStateException("@Allow names no role, group, anyUser or anonymous");
        }
        return new Rule(Set.copyOf(roles), allow.anyUser(), allow.anonymous());
    }

    private static Set<String> paths(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() != null) return info.getPathPatternsCondition().getPatternValues();
        if (info.getPatternsCondition() != null) return info.getPatternsCondition().getPatterns();
        return Set.of();
    }

    private static List<String> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        if (declared.isEmpty()) return List.of("GET", "POST", "PUT", "DELETE");
        return declared.stream().map(Enum::name).sorted().collect(Collectors.toList());
    }
}

package io.yewu.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spring MVC's mapping of requests to controller methods, with the candidates narrowed by the path's first two
 * segments. Spring looks a path up directly only when no mapping of it has a variable; for {@code /api/customers/123}
 * it tries every one of the application's ~300 mappings in turn, which was a fifth of a customer detail's CPU
 * (decision 0051). Here each mapping is filed under the first two segments of its patterns when both are literal
 * ("api/customers"), or in an "open" list otherwise; a request is matched against its key's mappings and the open
 * ones, with Spring's own matching, ordering and {@code handleMatch}.
 * <p>
 * Whenever the narrowed candidates give no single best answer — no match (404, 405, 406 are decided from all
 * mappings), two equally good matches, or a CORS pre-flight — the lookup is Spring's own over every mapping, so the
 * answers can only differ if a mapping outside the narrowed set would have beaten one inside it, which a literal
 * first two segments rule out. {@code IndexedRequestMappingsIT} compares both lookups for every mapping and method.
 */
public class IndexedRequestMappings extends RequestMappingHandlerMapping {

    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {}

    private record Index(Map<String, List<Candidate>> byKey, List<Candidate> open) {
        List<Candidate> of(String key) {
            return byKey.getOrDefault(key, List.of());
        }
    }

    private volatile Index index;

    /** How many lookups fell back to Spring's over every mapping (no match, a tie, a pre-flight): for tests. */
    final java.util.concurrent.atomic.LongAdder fallbacks = new java.util.concurrent.atomic.LongAdder();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (CorsUtils.isPreFlightRequest(request) || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return lookupOverAll(lookupPath, request);
        }
        Index ix = index();
        String key = key(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
        List<Candidate> matches = new ArrayList<>(2);
        List<RequestMappingInfo> matched = new ArrayList<>(2);
        for (List<Candidate> list : List.of(ix.of(key), ix.open())) {
            for (Candidate c : list) {
                RequestMappingInfo m = getMatchingMapping(c.info(), request);
                if (m != null) {
                    matches.add(c);
                    matched.add(m);
                }
            }
        }
        if (matches.isEmpty()) return lookupOverAll(lookupPath, request);
        int best = 0;
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            for (int i = 1; i < matched.size(); i++) if (order.compare(matched.get(i), matched.get(best)) < 0) best = i;
            for (int i = 0; i < matched.size(); i++) {
                // a tie: Spring's own lookup reports the ambiguity as it always has
                if (i != best && order.compare(matched.get(i), matched.get(best)) == 0) return lookupOverAll(lookupPath, request);
            }
        }
        HandlerMethod handler = matches.get(best).handler();
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matched.get(best), lookupPath, request);
        return handler;
    }

    /** Spring's own lookup over every mapping. */
    HandlerMethod lookupOverAll(String lookupPath, HttpServletRequest request) throws Exception {
        fallbacks.increment();
        return super.lookupHandlerMethod(lookupPath, request);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private Index index() {
        Index ix = index;
        if (ix == null) index = ix = build(getHandlerMethods());
        return ix;
    }

    private static Index build(Map<RequestMappingInfo, HandlerMethod> mappings) {
        Map<String, List<Candidate>> byKey = new HashMap<>();
        List<Candidate> open = new ArrayList<>();
        mappings.forEach((info, handler) -> {
            Candidate c = new Candidate(info, handler);
            var patterns = info.getPathPatternsCondition() == null ? null : info.getPathPatternsCondition().getPatterns();
            if (patterns == null || patterns.isEmpty()) {
                open.add(c);
                return;
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (PathPattern p : patterns) {
                String key = key(p.getPatternString());
                if (key == null) {
                    open.add(c);
                    return;
                }
                keys.add(key);
            }
            keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
        });
        return new Index(Map.copyOf(byKey), List.copyOf(open));
    }

    /** The key of a pattern: its first two segments when both are literal, else null (an open pattern). */
    static String key(String pattern) {
        String[] segments = pattern.split("/", -1);
        StringBuilder key = new StringBuilder();
        int taken = 0;
        for (int i = 1; i < segments.length && taken < 2; i++) {
            String s = segments[i];
            if (s.isEmpty() && i == segments.length - 1) break;
            if (s.isEmpty() || s.indexOf('{') >= 0 || s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('%') >= 0
                    || s.indexOf(';') >= 0) return null;
            if (taken++ > 0) key.append('/');
            key.append(s.toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }

    /** The key of a request: its first two path segments as a pattern's literal segments are compared with them. */
    static String key(PathContainer path) {
        StringBuilder key = new StringBuilder();
        int taken = 0;
        var elements = path.elements();
        for (int i = 0; i < elements.size() && taken < 2; i++) {
            if (elements.get(i) instanceof PathContainer.PathSegment segment) {
                if (segment.valueToMatch().isEmpty() && i == elements.size() - 1) break;
                if (taken++ > 0) key.append('/');
                key.append(segment.valueToMatch().toLowerCase(Locale.ROOT));
            }
        }
        return key.toString();
    }
}

package io.yewu.platform.security;

import java.util.Set;

/**
 * A capability's field rule: the names of fields (and decision inputs) a reader may not see, whatever record they
 * are in. Data scope decides which rows a reader sees; this decides which columns. Generic endpoints that show
 * other modules' data (the decision endpoint) drop every name any rule hides from the reader.
 */
public interface HiddenFields {

    Set<String> from(YewuPrincipal reader);

    /**
     * A copy of a JSON-like tree (maps, lists, scalars) without the members named in {@code names}, at any depth:
     * for semi-structured data (decision inputs, change-request payloads) whose shape the reader does not know.
     */
    static Object strip(Object tree, Set<String> names) {
        if (names.isEmpty() || tree == null) return tree;
        if (tree instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!names.contains(String.valueOf(k))) copy.put(k, strip(v, names));
            });
            return copy;
        }
        if (tree instanceof java.util.List<?> list) return list.stream().map(v -> strip(v, names)).toList();
        return tree;
    }
}

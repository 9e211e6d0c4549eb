package io.yewu.platform.web;

import java.util.Map;

/**
 * A page request: 0-based page, size capped at 200, sort as {@code field,asc|desc} restricted to the columns
 * a list allows (never user text in SQL).
 */
public record PageQuery(Integer page, Integer size, String sort) {

    public static final int MAX_SIZE = 200;

    public PageQuery {
        size = size == null || size <= 0 ? 20 : Math.min(size, MAX_SIZE);
        // a page past any list's end stays one: its offset and the row after it fit an int (a huge page number
        // multiplied into a negative offset would reach the database as OFFSET -n, an error for the user's input)
        page = page == null ? 0 : Math.clamp(page, 0, (Integer.MAX_VALUE - size) / size);
    }

    public int offset() {
        return page * size;
    }

    /** ORDER BY clause from the allowed columns; {@code fallback} when the request names none or an unknown one. */
    public String orderBy(Map<String, String> allowed, String fallback) {
        if (sort == null || sort.isBlank()) return fallback;
        String[] parts = sort.split(",");
        String column = allowed.get(parts[0].trim());
        if (column == null) return fallback;
        boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        return column + (desc ? " DESC" : " ASC") + ", " + fallback;
    }
}

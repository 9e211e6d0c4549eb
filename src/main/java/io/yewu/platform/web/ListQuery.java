package io.yewu.platform.web;

import io.yewu.platform.transfer.ExcelExport;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One list's query with its filters and scope already applied, read a page at a time for the screen or streamed whole
 * to .xlsx for its export: the list and its export can never drift apart (same filters, same scope, same order).
 * A capability builds one from its filter and hands it what its controller asks for.
 *
 * @param select    {@code SELECT … FROM … WHERE …}, without ORDER BY
 * @param countFrom {@code FROM … WHERE …} the page's capped count reads (it may join less than {@code select})
 * @param params    the named parameters of both
 * @param order     the list's own ORDER BY columns, e.g. {@code "r.received_on DESC, r.id DESC"}
 */
public record ListQuery<T>(JdbcClient jdbc, Class<T> type, String select, String countFrom, Map<String, ?> params,
                           String order) {

    /** An export holds at most this many rows. */
    public static final int EXPORT_LIMIT = 100_000;

    /** A page in the list's own order. */
    public Page<T> page(PageQuery page) {
        return page(page, order);
    }

    /** A page sorted as the request asks among {@code sorts} (field → column), else in the list's own order. */
    public Page<T> page(PageQuery page, Map<String, String> sorts) {
        return page(page, page.orderBy(sorts, order));
    }

    private Page<T> page(PageQuery page, String orderBy) {
        List<T> items = jdbc.sql(select + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(type).list();
        return Page.of(items, page, Page.cappedCount(jdbc, countFrom, params));
    }

    /** The first {@code limit} rows in the list's own order: a list shown whole, e.g. a month's statement. */
    public List<T> first(int limit) {
        return jdbc.sql(select + " ORDER BY " + order + " LIMIT :limit").params(params).param("limit", limit).query(type).list();
    }

    /** Every row (at most {@link #EXPORT_LIMIT}) in the list's own order, as it is read. */
    public void each(Consumer<T> sink) {
        try (var rows = jdbc.sql(select + " ORDER BY " + order + " LIMIT " + EXPORT_LIMIT).params(params).query(type).stream()) {
            rows.forEach(sink);
        }
    }

    /** The whole list as an .xlsx download, words in the reader's language ({@link ExcelExport}). */
    public ResponseEntity<StreamingResponseBody> xlsx(String fileName, Locale locale, List<ExcelExport.Column<T>> columns) {
        return ExcelExport.response(fileName, locale, columns, this::each);
    }

    /** The same, the file named and the columns given in the reader's language ({@code zh}: Chinese, else English). */
    public ResponseEntity<StreamingResponseBody> xlsx(String zhName, String enName, Locale locale,
                                                      Function<Boolean, List<ExcelExport.Column<T>>> columns) {
        return xlsx(zhName, enName, locale, Function.identity(), columns);
    }

    /**
     * The same, each row turned into the list's item as it is read ({@code item}, e.g. aged by a policy the way the
     * page's rows are): for a list whose items are worked out from what the query reads.
     */
    public <R> ResponseEntity<StreamingResponseBody> xlsx(String zhName, String enName, Locale locale, Function<T, R> item,
                                                          Function<Boolean, List<ExcelExport.Column<R>>> columns) {
        boolean zh = ExcelExport.zh(locale);
        return ExcelExport.response(zh ? zhName : enName, locale, columns.apply(zh), sink -> each(row -> sink.accept(item.apply(row))));
    }
}

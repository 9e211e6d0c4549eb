package io.yewu.platform.transfer;

import io.yewu.platform.security.CompanyContext;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams a list to .xlsx: headers in the user's language, rows written as they are read, so an export of a
 * large list never holds it in memory. Amounts are numbers shown with their decimals (money 1,234.50), dates are
 * date cells, times Beijing time.
 */
public final class ExcelExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A date cell's format: a date in Excel (it sorts and filters as one), shown as 2026-11-30. */
    private static final String DATE = "yyyy-mm-dd";

    /** A column: Chinese and English header and how to read the cell from a row. */
    public record Column<T>(String zh, String en, Function<T, Object> value) {}

    /** A cell that reads differently by language, e.g. a role or a state: its Chinese and English words. */
    public record Words(String zh, String en) {}

    private ExcelExport() {}

    /** Whether a reader of {@code locale} gets the Chinese words (everyone but English readers). */
    public static boolean zh(Locale locale) {
        return !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /**
     * @param rows called with a sink; it pushes each row (e.g. from a JdbcClient stream) into the sheet
     */
    public static <T> ResponseEntity<StreamingResponseBody> response(String fileName, Locale locale, List<Column<T>> columns,
                                                                     Consumer<Consumer<T>> rows) {
        boolean zh = zh(locale);
        // the body is written later on another thread: carry the request's company over, or the wall hides every row
        CompanyContext.Scope company = CompanyContext.current();
        StreamingResponseBody body = out -> {
            CompanyContext.Scope before = CompanyContext.current();
            CompanyContext.set(company);
            try {
                write(out, fileName, zh, columns, rows);
            } finally {
                CompanyContext.set(before);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private static <T> void write(OutputStream out, String sheet, boolean zh, List<Column<T>> columns,
                                  Consumer<Consumer<T>> rows) throws IOException {
        Workbook wb = new Workbook(out, "Yewu", "1.0");
        Worksheet ws = wb.newWorksheet(sheet);
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, zh ? columns.get(c).zh() : columns.get(c).en());
            ws.style(0, c).bold().set();
        }
        int[] r = {1};
        rows.accept(row -> {
            for (int c = 0; c < columns.size(); c++) cell(ws, r[0], c, columns.get(c).value().apply(row), zh);
            r[0]++;
        });
        wb.finish();
    }

    /** A value as a person reads it: booleans 是/否 (Yes/No), words in the reader's language, one time format. */
    static Object readable(Object v, boolean zh) {
        return switch (v) {
            case Boolean b -> zh ? (b ? "是" : "否") : (b ? "Yes" : "No");
            case Words w -> zh ? w.zh() : w.en();
            case null, default -> v;
        };
    }

    private static void cell(Worksheet ws, int r, int c, Object raw, boolean zh) {
        Object v = readable(raw, zh);
        switch (v) {
            case null -> { }
            case BigDecimal d -> {
                ws.value(r, c, d);
                ws.style(r, c).format(decimals(d.scale())).set();
            }
            case Number n -> ws.value(r, c, n);
            case OffsetDateTime t -> ws.value(r, c, TIME.format(t.atZoneSameInstant(SHANGHAI)));
            case Instant t -> ws.value(r, c, TIME.format(t.atZone(SHANGHAI)));
            case LocalDate d -> {
                ws.value(r, c, d);
                ws.style(r, c).format(DATE).set();
            }
            default -> ws.value(r, c, v.toString());
        }
    }

    /** A number shown with the decimals it has: money (two) as 1,234.50, a rate as it is stored. */
    private static String decimals(int scale) {
        return scale <= 0 ? "#,##0" : "#,##0." + "0".repeat(Math.min(scale, 10));
    }
}

package io.yewu.platform.transfer;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;

/**
 * The empty spreadsheet a user fills in to import one kind of record: one header per column in the user's language
 * (Chinese unless English is asked for), required columns marked with {@code *}, which the importer ignores.
 */
public final class ImportTemplate {

    private ImportTemplate() {}

    public static ResponseEntity<StreamingResponseBody> xlsx(String fileName, List<ImportColumn<?>> columns, Locale locale) {
        List<ExcelExport.Column<Object>> headers = columns.stream()
                .map(c -> new ExcelExport.Column<>(c.zh() + (c.required() ? "*" : ""), c.en() + (c.required() ? "*" : ""), row -> null))
                .toList();
        return ExcelExport.response(fileName, locale, headers, sink -> {});
    }
}

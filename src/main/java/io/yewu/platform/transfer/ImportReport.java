package io.yewu.platform.transfer;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;

/** The row-by-row error report as a spreadsheet, with the messages in both languages. */
public final class ImportReport {

    private static final List<ExcelExport.Column<ImportProblem>> COLUMNS = List.of(
            new ExcelExport.Column<>("行号", "Row", ImportProblem::row),
            new ExcelExport.Column<>("列", "Column", p -> p.columnZh() + " / " + p.columnEn()),
            new ExcelExport.Column<>("错误（中文）", "Error (Chinese)", ImportProblem::messageZh),
            new ExcelExport.Column<>("错误（英文）", "Error (English)", ImportProblem::messageEn));

    private ImportReport() {}

    public static ResponseEntity<StreamingResponseBody> xlsx(ImportResult result, Locale locale) {
        return ExcelExport.response("import-errors", locale, COLUMNS, sink -> result.problems().forEach(sink));
    }
}

package io.yewu.platform.transfer;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Export cells read as words (issue 12): booleans 是/否 or Yes/No, bilingual words in the reader's language. */
class ExcelExportTest {

    @Test
    void booleansAreWordsInTheReadersLanguage() {
        assertThat(ExcelExport.readable(true, true)).isEqualTo("是");
        assertThat(ExcelExport.readable(false, true)).isEqualTo("否");
        assertThat(ExcelExport.readable(true, false)).isEqualTo("Yes");
        assertThat(ExcelExport.readable(false, false)).isEqualTo("No");
    }

    @Test
    void wordsCellsPickTheReadersLanguageAndOtherValuesStayAsTheyAre() {
        ExcelExport.Words role = new ExcelExport.Words("业务员", "Salesperson");
        assertThat(ExcelExport.readable(role, true)).isEqualTo("业务员");
        assertThat(ExcelExport.readable(role, false)).isEqualTo("Salesperson");
        assertThat(ExcelExport.readable(new BigDecimal("1234.50"), true)).isEqualTo(new BigDecimal("1234.50"));
        assertThat(ExcelExport.readable(null, true)).isNull();
    }

    @Test
    void moneyIsANumberWithItsTwoDecimalsAndADateIsADateCell() throws IOException {
        record Line(LocalDate on, BigDecimal amount, BigDecimal rate, Instant at) {}
        List<ExcelExport.Column<Line>> columns = List.of(new ExcelExport.Column<>("日期", "Date", Line::on),
                new ExcelExport.Column<>("金额", "Amount", Line::amount), new ExcelExport.Column<>("比例", "Rate", Line::rate),
                new ExcelExport.Column<>("时间", "At", Line::at));
        var response = ExcelExport.response("test", Locale.SIMPLIFIED_CHINESE, columns,
                sink -> sink.accept(new Line(LocalDate.of(2026, 11, 30), new BigDecimal("1234.50"), new BigDecimal("2.7500"),
                        Instant.parse("2026-11-30T01:02:03Z"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.getBody().writeTo(out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
            Row row = wb.getFirstSheet().read().get(1);
            assertThat(row.getCell(0).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(0).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(row.getCell(0).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(1).getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(1).asNumber()).isEqualTo(new BigDecimal("1234.50"));
            assertThat(row.getCell(2).getDataFormatString()).isEqualTo("#,##0.0000");
            assertThat(row.getCell(3).getText()).isEqualTo("2026-11-30 09:02:03");
        }
    }
}

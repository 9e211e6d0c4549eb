package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.ImportFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-10: a date typed in Excel is a number formatted as a date; the reader gives it as the date the user sees
 * (2026-11-30), so that a file exported by Yewu, or dates typed by hand, import again. Plain numbers stay as typed.
 */
class TableReaderDatesTest {

    @TempDir
    Path dir;

    @Test
    void datesReadAsTheDatesTheyShowAndNumbersAsTyped() throws Exception {
        Path path = dir.resolve("dates.xlsx");
        try (OutputStream out = Files.newOutputStream(path)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("到帐");
            String[] headers = {"到帐日期", "金额", "时间", "斜线日期", "电话"};
            for (int c = 0; c < headers.length; c++) ws.value(0, c, headers[c]);
            ws.value(1, 0, LocalDate.of(2026, 11, 30));
            ws.style(1, 0).format("yyyy-mm-dd").set();
            ws.value(1, 1, new BigDecimal("1234.50"));
            ws.style(1, 1).format("#,##0.00").set();
            ws.value(1, 2, LocalDateTime.of(2026, 11, 30, 9, 5, 0));
            ws.style(1, 2).format("yyyy-mm-dd hh:mm").set();
            ws.value(1, 3, LocalDate.of(2026, 1, 2));
            ws.style(1, 3).format("yyyy/m/d").set(); // (the writer cannot write quoted text in a format)
            ws.value(1, 4, 13800138000L);
            wb.finish();
        }
        try (TableReader reader = TableReader.open(new ImportFile("dates.xlsx", path))) {
            assertThat(reader.headers()).containsExactly("到帐日期", "金额", "时间", "斜线日期", "电话");
            assertThat(reader.next().cells()).containsExactly("2026-11-30", "1234.5", "2026-11-30 09:05:00", "2026-01-02", "13800138000");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void whichFormatsShowADate() {
        assertThat(TableReader.isDate(14, "m/d/yy")).isTrue();
        assertThat(TableReader.isDate(31, null)).as("a built-in format of the Chinese edition").isTrue();
        assertThat(TableReader.isDate(57, null)).isTrue();
        assertThat(TableReader.isDate(165, "yyyy-mm-dd")).isTrue();
        assertThat(TableReader.isDate(166, "[$-804]yyyy\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(TableReader.isDate(0, "General")).isFalse();
        assertThat(TableReader.isDate(4, "#,##0.00")).isFalse();
        assertThat(TableReader.isDate(167, "\"day \"0")).as("a letter inside quoted text").isFalse();
        assertThat(TableReader.isDate(168, "[Red]0.00")).isFalse();
        assertThat(TableReader.isDate(null, null)).isFalse();
    }
}

package io.yewu.platform.transfer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

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
}

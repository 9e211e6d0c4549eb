package io.yewu.order.internal.contract;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-9: which files a contract record accepts — name, declared type and first bytes must agree. */
class FileKindTest {

    @ParameterizedTest(name = "{0} declared {1}, starting {2} → {3}")
    @DisplayName("ORD-9: contract files are PDF, images or Office documents whose content matches their name and type")
    @CsvSource(nullValues = "none", value = {
            "合同.pdf,        application/pdf,          255044462d312e34,                 PDF",
            "合同.PDF,        application/octet-stream, 255044462d312e34,                 PDF",
            "合同.pdf,        none,                     255044462d312e34,                 PDF",
            "扫描.jpg,        image/jpeg,               ffd8ffe0,                         JPEG",
            "扫描.jpeg,       image/jpg,                ffd8ffe0,                         JPEG",
            "扫描.png,        image/png,                89504e470d0a1a0a,                 PNG",
            "扫描.webp,       image/webp,               524946460000000057454250,         WEBP",
            "变更.docx,       application/octet-stream, 504b0304,                         DOCX",
            "报价.xlsx,       application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, 504b0304, XLSX",
            "旧合同.doc,      application/msword,       d0cf11e0a1b11ae1,                 DOC",
            "旧表.xls,        application/vnd.ms-excel, d0cf11e0a1b11ae1,                 XLS",
            "合同.pdf,        image/png,                255044462d312e34,                 none",
            "合同.pdf,        application/pdf,          4d5a9000,                         none",
            "合同.html,       text/html,                255044462d312e34,                 none",
            "合同.pdf.exe,    application/octet-stream, 4d5a9000,                         none",
            "合同,            application/pdf,          255044462d312e34,                 none",
            "压缩包.zip,      application/zip,          504b0304,                         none",
            "变更.docx,       application/pdf,          504b0304,                         none",
            "扫描.png,        image/png,                ffd8ffe0,                         none",
            "空.pdf,          application/pdf,          '',                               none",
    })
    void recognises(String name, String declared, String headHex, String expected) {
        byte[] head = HexFormat.of().parseHex(headHex.trim());
        assertThat(FileKind.of(name.trim(), declared, head).map(Enum::name).orElse(null)).isEqualTo(expected);
    }
}

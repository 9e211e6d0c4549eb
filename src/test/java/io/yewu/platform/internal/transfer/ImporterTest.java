package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.CellParsers;
import io.yewu.platform.transfer.ImportColumn;
import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProblem;
import io.yewu.platform.transfer.ImportReport;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import io.yewu.platform.web.ProblemException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** PLT-10 with a test-only spec: contacts of (name, phone, amount). */
class ImporterTest {

    record Contact(String name, String phone, BigDecimal amount) {}

    static final ImportColumn<String> NAME = ImportColumn.required("name", "姓名", "Name", CellParsers.text(20));
    static final ImportColumn<String> PHONE = ImportColumn.required("phone", "电话", "Phone", CellParsers.phone());
    static final ImportColumn<BigDecimal> AMOUNT = ImportColumn.optional("amount", "金额", "Amount", CellParsers.money());
    static final ImportSpec<Contact> SPEC = new ImportSpec<>(List.of(NAME, PHONE, AMOUNT),
            row -> new Contact(row.get(NAME), row.get(PHONE), row.get(AMOUNT)));

    final Importer importer = new DefaultImporter(messages(), new TransactionTemplate(new NoTransactions()));
    final List<List<Contact>> batches = new ArrayList<>();
    @TempDir
    Path dir;

    @Test
    void PLT10_goodCsvIsImportedWhole() {
        ImportResult r = run("Name,Phone,Amount\n张伟,13800138000,1500\n\"Li, Na\",020-12345678,\"1,234.5\"\n", ImportMode.ALL_OR_NOTHING);

        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
        assertThat(written()).containsExactly(new Contact("张伟", "13800138000", new BigDecimal("1500.00")),
                new Contact("Li, Na", "020-12345678", new BigDecimal("1234.50")));
    }

    @ParameterizedTest(name = "PLT10: CSV in {0} with Chinese headers")
    @CsvSource({"UTF-8 with BOM", "UTF-8", "GBK"})
    void PLT10_chineseHeadersInEveryEncodingExcelWrites(String encoding) {
        String text = "姓名*,电话*,金额\r\n张伟,13800138000,\r\n陈静,13900139000,88.8\r\n";
        byte[] bytes = switch (encoding) {
            case "GBK" -> text.getBytes(Charset.forName("GBK"));
            case "UTF-8" -> text.getBytes(StandardCharsets.UTF_8);
            default -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        };

        ImportResult r = importer.importFile(() -> SPEC, file("contacts.csv", bytes), ImportMode.ALL_OR_NOTHING, batches::add);

        assertThat(r.imported()).isEqualTo(2);
        assertThat(written()).containsExactly(new Contact("张伟", "13800138000", null),
                new Contact("陈静", "13900139000", new BigDecimal("88.80")));
    }

    @Test
    void PLT10_allOrNothingWritesNothingFromAFileWithErrors() {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> run(BROKEN, ImportMode.ALL_OR_NOTHING));

        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(e.code()).isEqualTo("import-has-errors");
        assertThat(e.args()).containsExactly(2L);
        assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field)
                .containsExactly("rows[3].phone", "rows[5].name", "rows[5].amount");
        assertThat(batches).isEmpty();
    }

    @Test
    void PLT10_validRowsModeWritesTheGoodRowsAndReportsTheRestRowByRow() {
        ImportResult r = run(BROKEN, ImportMode.VALID_ROWS);

        assertThat(r.rows()).isEqualTo(4); // the blank line 4 is skipped but keeps its number
        assertThat(r.imported()).isEqualTo(2);
        assertThat(written()).extracting(Contact::name).containsExactly("张伟", "杨帆");
        assertThat(r.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "phone", "phone"),
                org.assertj.core.groups.Tuple.tuple(5, "name", "required"),
                org.assertj.core.groups.Tuple.tuple(5, "amount", "money-decimals"));
        ImportProblem phone = r.problems().getFirst();
        assertThat(phone.columnZh()).isEqualTo("电话");
        assertThat(phone.messageZh()).isEqualTo("不是有效的手机号或固定电话");
        assertThat(phone.messageEn()).isEqualTo("Not a valid mobile or landline number");
    }

    @Test
    void PLT10_aCellWithAControlCharacterIsAnErrorOfItsRowNotOfTheImport() {
        ImportResult r = run("姓名,电话,金额\n张\u0000伟,13800138000,10\n杨帆,13700137000,\n", ImportMode.VALID_ROWS);

        assertThat(r.imported()).isEqualTo(1);
        assertThat(written()).extracting(Contact::name).containsExactly("杨帆");
        assertThat(r.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "name", "control-character"));
        assertThat(r.problems().getFirst().messageZh()).isEqualTo("不能包含控制字符");
        assertThat(r.problems().getFirst().messageEn()).isEqualTo("Must not contain control characters");
    }

    @Test
    void PLT10_xlsxIsReadByHeadersWithNumbersAsTyped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("联系人");
        ws.value(0, 0, "电话");
        ws.value(0, 1, "姓名");
        ws.value(1, 0, 13800138000L);
        ws.value(1, 1, "张伟");
        ws.value(2, 0, "13900139000");
        ws.value(2, 1, "刘洋");
        ws.value(2, 2, 0);
        wb.finish();

        ImportResult r = importer.importFile(() -> SPEC, file("联系人.xlsx", out.toByteArray()), ImportMode.ALL_OR_NOTHING, batches::add);

        assertThat(r.imported()).isEqualTo(2);
        assertThat(written()).containsExactly(new Contact("张伟", "13800138000", null), new Contact("刘洋", "13900139000", null));
    }

    @Test
    void PLT10_validRowsAreWrittenInBatches() {
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 1201; i++) csv.append("客户").append(i).append(",1380013").append(String.format("%04d", i)).append('\n');

        run(csv.toString(), ImportMode.ALL_OR_NOTHING);

        assertThat(batches).extracting(List::size).containsExactly(500, 500, 201);
    }

    @ParameterizedTest(name = "PLT10: {0} -> 400 {2}")
    @CsvSource(delimiter = '|', value = {
            "empty file||import-empty",
            "header only|姓名,电话\\n|import-empty",
            "only blank rows|姓名,电话\\n,\\n\\n|import-empty",
            "missing required column|姓名,金额\\n张伟,1\\n|import-missing-column",
            "unknown column|姓名,电话,手机号\\n张伟,13800138000,1\\n|import-unknown-column",
            "same column twice|姓名,Name,电话\\n张伟,张伟,13800138000\\n|import-duplicate-column",
    })
    void PLT10_aFileThatIsNotTheExpectedTableIsRefusedClearly(String what, String content, String code) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> run(content == null ? "" : content.replace("\\n", "\n"), ImportMode.VALID_ROWS));
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.code()).isEqualTo(code);
        assertThat(batches).isEmpty();
    }

    @Test
    void PLT10_missingColumnMessageNamesTheColumnInBothLanguages() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> run("姓名\n张伟\n", ImportMode.VALID_ROWS));
        assertThat(messages().getMessage("problem." + e.code(), e.args(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("缺少必填列：电话 / Phone");
        assertThat(messages().getMessage("problem." + e.code(), e.args(), Locale.ENGLISH)).isEqualTo("Required columns missing: 电话 / Phone");
    }

    @Test
    void PLT10_oldXlsAndDamagedXlsxAreRefusedNotCrashedOn() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> importer.check(SPEC, file("old.xls", xls))).code()).isEqualTo("import-unsupported-file");
        byte[] damaged = {'P', 'K', 3, 4, 1, 2, 3};
        assertThat(catchThrowableOfType(ProblemException.class,
                () -> importer.check(SPEC, file("x.xlsx", damaged))).code()).isEqualTo("import-unreadable");
    }

    @Test
    void PLT10_errorReportDownloadsAsXlsx() throws IOException {
        ImportResult checked = importer.check(SPEC, file("c.csv", BROKEN.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportReport.xlsx(checked, Locale.SIMPLIFIED_CHINESE).getBody().writeTo(out);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("行号");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("3");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("电话 / Phone");
            assertThat(rows.get(2).getCellText(2)).isEqualTo("必填");
            assertThat(rows.get(2).getCellText(3)).isEqualTo("Required");
        }
        assertThat(batches).isEmpty();
    }

    /** Row 3: bad phone; row 4: blank; row 5: no name and three decimals. */
    static final String BROKEN = "姓名,电话,金额\n张伟,13800138000,10\n刘洋,12345,20\n,,\n,13900139000,1.005\n杨帆,13700137000,\n";

    private ImportResult run(String csv, ImportMode mode) {
        return importer.importFile(() -> SPEC, file("contacts.csv", csv.getBytes(StandardCharsets.UTF_8)), mode, batches::add);
    }

    /** An upload as the import jobs keep it: a file on disk. */
    private ImportFile file(String name, byte[] content) {
        try {
            return new ImportFile(name, Files.write(Files.createTempFile(dir, "import-", ".upload"), content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Contact> written() {
        return batches.stream().flatMap(List::stream).toList();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    /** The writer's transaction is the database's business; here it only has to be there. */
    static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}

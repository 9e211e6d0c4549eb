package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.CellParser;
import io.yewu.platform.transfer.CellParsers;
import io.yewu.platform.transfer.ImportColumn;
import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProblem;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import io.yewu.platform.web.ProblemException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Issue 9: an import's memory stays flat. The reader is watched while a generated file of {@value #ROWS} rows is
 * imported: whenever the spec's check gets rows or the writer gets records, the reader has taken from the file at
 * most the row after them (its look-ahead), so no more than a check's {@value RowValidator#CHECK_BATCH} rows are ever
 * held; and the outcome (rows, errors in row order, records written, all or nothing) is what reading the whole file
 * at once gave.
 */
class StreamedImportTest {

    static final int ROWS = 4321;
    /** Rows of a broken file (the header is row 1): 18 has no phone, 1501 repeats row 6's name (the guard must see
     *  across chunks), 3100 has the phone the check refuses. */
    static final int NO_PHONE = 18;
    static final int REPEAT = 1501;
    static final int REFUSED = 3100;
    static final String REFUSED_PHONE = "13900000000";

    record Contact(int row, String name, String phone) {}

    static final ImportColumn<String> PHONE = ImportColumn.required("phone", "电话", "Phone", CellParsers.phone());

    @TempDir
    Path dir;

    final List<TableReader> opened = new ArrayList<>();
    final List<List<Contact>> batches = new ArrayList<>();
    int checks;
    int largestCheck;

    final Importer importer = new DefaultImporter(new StaticMessageSource(), new TransactionTemplate(new ImporterTest.NoTransactions()), file -> {
        TableReader reader = TableReader.open(file);
        opened.add(reader);
        return reader;
    });

    /** A fresh spec per pass, like the customer import's: its name guard remembers the names seen earlier in the file. */
    final Supplier<ImportSpec<Contact>> specs = () -> {
        Set<String> seen = new HashSet<>();
        ImportColumn<String> name = ImportColumn.required("name", "姓名", "Name",
                s -> seen.add(s) ? CellParser.ok(s) : CellParser.error("duplicate-in-file"));
        return new ImportSpec<>(List.of(name, PHONE), r -> {
            assertReadNoFurtherThan(r.rowNumber());
            return new Contact(r.rowNumber(), r.get(name), r.get(PHONE));
        }, rows -> {
            checks++;
            largestCheck = Math.max(largestCheck, rows.size());
            assertReadNoFurtherThan(rows.getLast().rowNumber());
            return rows.stream().filter(r -> REFUSED_PHONE.equals(r.get(PHONE)))
                    .map(r -> new ImportSpec.Refusal(r.rowNumber(), PHONE, "phone")).toList();
        });
    };

    /** The reader of the pass under way has taken rows up to {@code row}, and at most the one after (its look-ahead). */
    private void assertReadNoFurtherThan(int row) {
        assertThat(opened.getLast().rowsTaken()).as("rows read from the file while row %d is handled", row).isLessThanOrEqualTo(row + 1);
    }

    @ParameterizedTest(name = "issue 9: a {0} file of 4321 rows is read a chunk at a time, valid rows written")
    @ValueSource(strings = {"xlsx", "csv"})
    void validRowsAreCheckedAndWrittenWithoutHoldingTheFile(String format) throws IOException {
        ImportResult r = importer.importFile(specs, file(format, true), ImportMode.VALID_ROWS, batches::add);

        assertThat(opened).as("one pass to check, one to write, each to the end").hasSize(2)
                .allSatisfy(reader -> assertThat(reader.rowsTaken()).isEqualTo(ROWS + 1));
        assertThat(checks).isEqualTo((ROWS + RowValidator.CHECK_BATCH - 1) / RowValidator.CHECK_BATCH);
        assertThat(largestCheck).isEqualTo(RowValidator.CHECK_BATCH);
        assertThat(r.rows()).isEqualTo(ROWS);
        assertThat(r.imported()).isEqualTo(ROWS - 3);
        assertThat(r.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code).containsExactly(
                tuple(NO_PHONE, "phone", "required"), tuple(REPEAT, "name", "duplicate-in-file"),
                tuple(REFUSED, "phone", "phone"));
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(Importer.BATCH_SIZE));
        List<Contact> written = batches.stream().flatMap(List::stream).toList();
        assertThat(written).hasSize(ROWS - 3).extracting(Contact::row).doesNotContain(NO_PHONE, REPEAT, REFUSED);
        assertThat(written.getFirst()).isEqualTo(new Contact(2, "客户1", phone(1)));
        assertThat(written.getLast()).isEqualTo(new Contact(ROWS + 1, "客户" + ROWS, phone(ROWS)));
    }

    @ParameterizedTest(name = "issue 9: all or nothing over a {0} file: one pass, nothing written, every error")
    @ValueSource(strings = {"xlsx", "csv"})
    void allOrNothingStopsAfterTheCheckingPass(String format) throws IOException {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> importer.importFile(specs, file(format, true), ImportMode.ALL_OR_NOTHING, batches::add));

        assertThat(e.code()).isEqualTo("import-has-errors");
        assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field)
                .containsExactly("rows[" + NO_PHONE + "].phone", "rows[" + REPEAT + "].name", "rows[" + REFUSED + "].phone");
        assertThat(opened).hasSize(1);
        assertThat(batches).isEmpty();
    }

    @ParameterizedTest(name = "issue 9: all or nothing over a clean {0} file writes every row")
    @ValueSource(strings = {"xlsx", "csv"})
    void allOrNothingWritesACleanFile(String format) throws IOException {
        ImportResult r = importer.importOrReport(specs, file(format, false), ImportMode.ALL_OR_NOTHING, batches::add, total -> {
            assertThat(total).isEqualTo(ROWS);
            assertThat(batches).isEmpty();
        });

        assertThat(r.problems()).isEmpty();
        assertThat(r.imported()).isEqualTo(ROWS);
        assertThat(batches).extracting(List::size).startsWith(Importer.BATCH_SIZE).endsWith(ROWS % Importer.BATCH_SIZE)
                .hasSize((ROWS + Importer.BATCH_SIZE - 1) / Importer.BATCH_SIZE);
        assertThat(opened).hasSize(2);
    }

    private static String phone(int i) {
        return "139" + String.format("%08d", i);
    }

    /** {@value #ROWS} contacts, "客户i" with phone 139 and i in eight digits; with {@code broken}, rows 18, 1501 and 3100 are wrong. */
    private ImportFile file(String format, boolean broken) throws IOException {
        Path path = Files.createTempFile(dir, "import-", ".upload");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"姓名", "电话"});
        for (int i = 1; i <= ROWS; i++) {
            int row = i + 1;
            String name = broken && row == REPEAT ? "客户5" : "客户" + i;
            String phone = !broken ? phone(i) : row == NO_PHONE ? "" : row == REFUSED ? REFUSED_PHONE : phone(i);
            rows.add(new String[] {name, phone});
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            if (format.equals("csv")) {
                for (String[] row : rows) out.write((String.join(",", row) + "\r\n").getBytes(StandardCharsets.UTF_8));
            } else {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("联系人");
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < 2; c++) if (!rows.get(r)[c].isEmpty()) ws.value(r, c, rows.get(r)[c]);
                }
                wb.finish();
            }
        }
        return new ImportFile("contacts." + format, path);
    }
}

package io.yewu.platform.internal.transfer;

import io.yewu.platform.web.ProblemException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads an upload into a {@link Table}: .xlsx (recognised by its zip signature) from the first sheet, anything
 * else as CSV. Fails with 400 and a code the user can act on, never with a 500.
 */
final class TableReader {

    static final int MAX_ROWS = 100_000;

    private TableReader() {}

    static Table read(String fileName, byte[] content) {
        if (content == null || content.length == 0) throw ProblemException.badRequest("import-empty");
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls") || isOle(content)) throw ProblemException.badRequest("import-unsupported-file");
        List<List<String>> records = isZip(content) ? xlsx(content) : CsvReader.read(content);
        if (records.isEmpty()) throw ProblemException.badRequest("import-empty");
        List<Table.Line> lines = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            Table.Line line = new Table.Line(i + 1, records.get(i));
            if (!line.blank()) lines.add(line);
        }
        if (lines.isEmpty()) throw ProblemException.badRequest("import-empty");
        if (lines.size() > MAX_ROWS) throw ProblemException.badRequest("import-too-many-rows", MAX_ROWS);
        return new Table(records.getFirst(), lines);
    }

    /** Rows in sheet order; gaps (rows Excel did not store) are kept as empty rows so row numbers match the sheet. */
    private static List<List<String>> xlsx(byte[] content) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<List<String>> records = new ArrayList<>();
            rows.forEach(row -> {
                while (records.size() < row.getRowNum() - 1) records.add(List.of());
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) cells.add(text(row.getCell(c)));
                records.add(cells);
            });
            return records;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("import-unreadable");
        }
    }

    /** Numbers as typed (1500, not 1500.0; 13800138000, not 1.38E10). */
    private static String text(Cell cell) {
        if (cell == null) return "";
        if (cell.getType() == CellType.NUMBER) return cell.asNumber().stripTrailingZeros().toPlainString();
        return cell.getText();
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** The old binary .xls (an OLE compound file). */
    private static boolean isOle(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }
}

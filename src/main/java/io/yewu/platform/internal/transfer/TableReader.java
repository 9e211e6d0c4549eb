package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.web.ProblemException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads an upload as a table, a row at a time from the file on disk (issue 9: nothing holds the whole sheet):
 * .xlsx (recognised by its zip signature) from the first sheet, anything else as CSV. Opening reads the header row
 * and looks ahead to the first data row; {@link #next()} then gives the non-blank data rows in order. Fails with
 * 400 and a code the user can act on, never with a 500.
 */
final class TableReader implements AutoCloseable {

    static final int MAX_ROWS = 100_000;

    /** A source of records (a record: a row's cells as text); null at the end. */
    private interface Records extends AutoCloseable {
        List<String> next() throws IOException;

        /** The number of the last row taken from the file. */
        int taken();

        @Override
        void close() throws IOException;
    }

    private final Records records;
    private final List<String> headers;
    private Table.Line ahead;
    private int lines;
    private int number;

    private TableReader(Records records) {
        this.records = records;
        List<String> first = record();
        if (first == null) throw ProblemException.badRequest("import-empty");
        this.headers = first;
        this.ahead = line();
        if (ahead == null) throw ProblemException.badRequest("import-empty");
    }

    static TableReader open(ImportFile file) {
        byte[] head = head(file);
        if (head.length == 0) throw ProblemException.badRequest("import-empty");
        String name = file.name() == null ? "" : file.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls") || isOle(head)) throw ProblemException.badRequest("import-unsupported-file");
        Records records = isZip(head) ? xlsx(file) : csv(file);
        try {
            return new TableReader(records);
        } catch (RuntimeException e) {
            closeQuietly(records);
            throw e;
        }
    }

    List<String> headers() {
        return headers;
    }

    /** The next non-blank data row (its number: the header is row 1), or null at the end of the file. */
    Table.Line next() {
        Table.Line line = ahead;
        if (line != null) ahead = line();
        return line;
    }

    /**
     * The number of the last row taken from the file (the header is row 1), counted where the file is parsed: what a
     * test checks to see that the file is not read ahead of the rows being handled.
     */
    int rowsTaken() {
        return records.taken();
    }

    @Override
    public void close() {
        closeQuietly(records);
    }

    private Table.Line line() {
        for (List<String> cells = record(); cells != null; cells = record()) {
            Table.Line line = new Table.Line(number, cells);
            if (line.blank()) continue;
            if (++lines > MAX_ROWS) throw ProblemException.badRequest("import-too-many-rows", MAX_ROWS);
            return line;
        }
        return null;
    }

    /** The next record; its row number is then {@link #number}. */
    private List<String> record() {
        try {
            List<String> cells = records.next();
            if (cells != null) number++;
            return cells;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("import-unreadable");
        }
    }

    /**
     * Rows in sheet order; gaps (rows Excel did not store) are given as empty rows so row numbers match the sheet.
     * The workbook is read from the file (a zip read in place); only its shared-strings table, each distinct text
     * of the workbook once, is kept while the sheet is read.
     */
    private static Records xlsx(ImportFile file) {
        ReadableWorkbook wb;
        Stream<Row> stream;
        try {
            // with the cells' formats, so that a date typed in Excel (or exported by Yewu) reads as a date
            wb = new ReadableWorkbook(file.path().toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("import-unreadable");
        }
        try {
            stream = wb.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            closeQuietly(wb::close);
            throw ProblemException.badRequest("import-unreadable");
        }
        Iterator<Row> rows = stream.iterator();
        return new Records() {
            int given;
            int taken;
            Row pending;

            @Override
            public int taken() {
                return taken;
            }

            @Override
            public List<String> next() {
                if (pending == null) {
                    if (!rows.hasNext()) return null;
                    pending = rows.next();
                    taken = pending.getRowNum();
                }
                if (++given < pending.getRowNum()) return List.of();
                List<String> cells = new ArrayList<>(pending.getCellCount());
                for (int c = 0; c < pending.getCellCount(); c++) cells.add(text(pending.getCell(c)));
                pending = null;
                return cells;
            }

            @Override
            public void close() throws IOException {
                try {
                    stream.close();
                } finally {
                    wb.close();
                }
            }
        };
    }

    private static Records csv(ImportFile file) {
        try {
            CsvReader csv = new CsvReader(file.path());
            return new Records() {
                @Override
                public List<String> next() throws IOException {
                    return csv.next();
                }

                @Override
                public int taken() {
                    return csv.records();
                }

                @Override
                public void close() throws IOException {
                    csv.close();
                }
            };
        } catch (IOException e) {
            throw ProblemException.badRequest("import-unreadable");
        }
    }

    /**
     * Numbers as typed (1500, not 1500.0; 13800138000, not 1.38E10); a number formatted as a date (a date typed in
     * Excel, or a date cell of Yewu's own export) as the date it shows, 2026-11-30 (with its time if it has one).
     */
    static String text(Cell cell) {
        if (cell == null) return "";
        if (cell.getType() == CellType.NUMBER) {
            if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
                java.time.LocalDateTime at = cell.asDate();
                return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                        : at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    /**
     * Whether a number format shows a date: Excel's built-in date formats (14–22, and 27–36 and 50–58 of the Chinese
     * editions), or a custom format with a year or a day in it (outside quoted text and [colour] sections).
     */
    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && ((formatId >= 14 && formatId <= 22) || (formatId >= 27 && formatId <= 36)
                || (formatId >= 50 && formatId <= 58))) return true;
        if (format == null) return false;
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(Locale.ROOT);
        return bare.contains("y") || bare.contains("d");
    }

    /** The file's first bytes, for its signature. */
    private static byte[] head(ImportFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw ProblemException.badRequest("import-unreadable");
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** The old binary .xls (an OLE compound file). */
    private static boolean isOle(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the file was read or refused already; a failure to close changes neither
        }
    }
}

package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.CellParser;
import io.yewu.platform.transfer.ImportColumn;
import io.yewu.platform.transfer.ImportRow;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matches a table's headers to a spec's columns and checks rows as they are read. Headers match a column's Chinese
 * or English header or its key, ignoring case, spaces and a trailing {@code *} (templates mark required columns with
 * it). It keeps the errors found and the numbers of the rows that have one, never the rows.
 */
final class RowValidator<T> {

    /** A cell that failed: row number, column and the error code with its arguments. */
    record CellError(int row, ImportColumn<?> column, String code, Object[] args) {}

    /** Rows per set-based check: one query per this many rows. */
    static final int CHECK_BATCH = 1000;

    private final ImportSpec<T> spec;
    private final Map<ImportColumn<?>, Integer> positions;
    /** Every error found so far, in the order found ({@link #sort} puts them in row and column order). */
    final List<CellError> errors = new ArrayList<>();
    /** The rows with an error. */
    final Set<Integer> failed = new HashSet<>();

    RowValidator(ImportSpec<T> spec, List<String> headers) {
        this.spec = spec;
        this.positions = match(spec, headers);
    }

    /** One row's cells parsed (a blank optional cell is absent); a cell that fails is an error of the row. */
    ImportRow parse(Table.Line line) {
        Map<String, Object> values = new HashMap<>();
        int before = errors.size();
        positions.forEach((column, index) -> read(line, column, index, values, errors));
        if (errors.size() != before) failed.add(line.number());
        return new ImportRow(line.number(), values);
    }

    /**
     * The spec's set-based check over parsed rows (whether or not their cells all parsed), {@link #CHECK_BATCH} at a
     * time: the cells it refuses are errors of their rows.
     */
    void check(List<ImportRow> rows) {
        for (int from = 0; from < rows.size(); from += CHECK_BATCH) {
            for (ImportSpec.Refusal r : spec.rowsCheck().check(rows.subList(from, Math.min(from + CHECK_BATCH, rows.size())))) {
                errors.add(new CellError(r.row(), r.column(), r.code(), r.args()));
                failed.add(r.row());
            }
        }
    }

    boolean valid(ImportRow row) {
        return !failed.contains(row.rowNumber());
    }

    /** Errors in row order, and within a row in the spec's column order, whichever step found them. */
    static void sort(List<CellError> errors, ImportSpec<?> spec) {
        Map<ImportColumn<?>, Integer> order = new HashMap<>();
        for (int i = 0; i < spec.columns().size(); i++) order.put(spec.columns().get(i), i);
        errors.sort(Comparator.comparingInt(CellError::row).thenComparingInt(e -> order.getOrDefault(e.column(), 0)));
    }

    private static void read(Table.Line line, ImportColumn<?> column, int index, Map<String, Object> values,
                             List<CellError> errors) {
        String text = line.cell(index);
        if (text.isEmpty()) {
            if (column.required()) errors.add(new CellError(line.number(), column, "required", new Object[0]));
            return;
        }
        if (io.yewu.platform.internal.web.TextGuard.hasControl(text)) {
            // refused as the API refuses it (a U+0000 would otherwise fail the whole import in PostgreSQL)
            errors.add(new CellError(line.number(), column, "control-character", new Object[0]));
            return;
        }
        switch (column.parser().parse(text)) {
            case CellParser.Ok<?> ok -> values.put(column.key(), ok.value());
            case CellParser.Error<?> e -> errors.add(new CellError(line.number(), column, e.code(), e.args()));
        }
    }

    private static Map<ImportColumn<?>, Integer> match(ImportSpec<?> spec, List<String> headers) {
        Map<String, ImportColumn<?>> byName = new HashMap<>();
        for (ImportColumn<?> c : spec.columns()) {
            for (String name : c.headers()) byName.put(normal(name), c);
        }
        Map<ImportColumn<?>, Integer> positions = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).trim();
            if (header.isEmpty()) continue;
            ImportColumn<?> column = byName.get(normal(header));
            if (column == null) unknown.add(header);
            else if (positions.putIfAbsent(column, i) != null) throw ProblemException.badRequest("import-duplicate-column", header);
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("import-unknown-column", String.join("、", unknown), accepted(spec));
        }
        List<String> missing = spec.columns().stream().filter(c -> c.required() && !positions.containsKey(c))
                .map(c -> c.zh() + " / " + c.en()).toList();
        if (!missing.isEmpty()) throw ProblemException.badRequest("import-missing-column", String.join("、", missing));
        return positions;
    }

    private static String accepted(ImportSpec<?> spec) {
        return String.join("、", spec.columns().stream().map(c -> c.zh() + " / " + c.en()).toList());
    }

    private static String normal(String header) {
        String h = header.replace("\uFEFF", "").replace(" ", "").replace("\u3000", "").toLowerCase(Locale.ROOT);
        while (h.endsWith("*") || h.endsWith("＊")) h = h.substring(0, h.length() - 1);
        return h;
    }
}

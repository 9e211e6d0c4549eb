package io.yewu.platform.transfer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a file must hold for one kind of record, and how a valid row becomes that record.
 *
 * @param rowsCheck checks many parsed rows at once (against existing records: one query per batch, never one per
 *                  row); it sees every row whose cells parsed, and the cells it refuses become row errors
 */
public record ImportSpec<T>(List<ImportColumn<?>> columns, Function<ImportRow, T> toRecord, RowsCheck rowsCheck) {

    /** A check over a batch of rows; returns the refused cells (none: an empty list). */
    @FunctionalInterface
    public interface RowsCheck {
        List<Refusal> check(List<ImportRow> rows);
    }

    /** A cell refused by a {@link RowsCheck}: row number, column, error code ({@code field.<code>}) and arguments. */
    public record Refusal(int row, ImportColumn<?> column, String code, Object... args) {}

    public ImportSpec {
        columns = List.copyOf(columns);
        rowsCheck = rowsCheck == null ? rows -> List.of() : rowsCheck;
        Set<String> keys = new HashSet<>();
        for (ImportColumn<?> c : columns) {
            if (!keys.add(c.key())) throw new IllegalArgumentException("column declared twice: " + c.key());
        }
    }

    public ImportSpec(List<ImportColumn<?>> columns, Function<ImportRow, T> toRecord) {
        this(columns, toRecord, null);
    }
}

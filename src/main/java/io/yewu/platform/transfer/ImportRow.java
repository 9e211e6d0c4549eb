package io.yewu.platform.transfer;

import java.util.Map;

/** One valid row: its number in the file (the header is row 1) and its typed values; a blank optional cell is null. */
public record ImportRow(int rowNumber, Map<String, Object> values) {

    @SuppressWarnings("unchecked")
    public <V> V get(ImportColumn<V> column) {
        return (V) values.get(column.key());
    }
}

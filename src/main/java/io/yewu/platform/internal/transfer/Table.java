package io.yewu.platform.internal.transfer;

import java.util.List;

/** A file read as text cells, a row at a time ({@link TableReader}). */
final class Table {

    private Table() {}

    /** A data row: its number in the file (the header is row 1) and its cells as text. */
    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index).trim() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}

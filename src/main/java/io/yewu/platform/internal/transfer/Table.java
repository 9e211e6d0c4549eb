package io.yewu.platform.internal.transfer;

import java.util.List;

/** A file read as text cells: the header row and the non-blank data rows with their row numbers (header = 1). */
record Table(List<String> headers, List<Line> lines) {

    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index).trim() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}

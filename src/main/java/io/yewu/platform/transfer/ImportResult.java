package io.yewu.platform.transfer;

import java.util.List;

/** The outcome of an import: data rows read, rows written, and every error, row by row. */
public record ImportResult(int rows, int imported, List<ImportProblem> problems) {

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public long rowsWithErrors() {
        return problems.stream().mapToInt(ImportProblem::row).distinct().count();
    }
}

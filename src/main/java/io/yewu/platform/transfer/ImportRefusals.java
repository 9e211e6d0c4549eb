package io.yewu.platform.transfer;

import io.yewu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a record's refusal by its own rules (the {@link ProblemException} its write path threw) into row errors of
 * the import: each field problem on the row and column it came from, anything else on the record's first cell.
 */
public final class ImportRefusals {

    /** A cell of the file: its row and column. */
    public record Cell(int row, ImportColumn<?> column) {}

    private ImportRefusals() {}

    /**
     * @param cellOf the cell a field of the write path's input came from (e.g. {@code lines[2].quantity}), or null
     * @param first  where a problem without a field, or of a field no cell answers for, is reported
     */
    public static List<ImportSpec.Refusal> of(ProblemException e, Function<String, Cell> cellOf, Cell first) {
        List<ImportSpec.Refusal> out = new ArrayList<>();
        for (ProblemException.FieldProblem f : e.fieldProblems()) {
            Cell cell = cellOf.apply(f.field());
            Cell at = cell == null ? first : cell;
            out.add(new ImportSpec.Refusal(at.row(), at.column(), f.code(), f.args()));
        }
        if (out.isEmpty()) out.add(new ImportSpec.Refusal(first.row(), first.column(), "problem." + e.code(), e.args()));
        return out;
    }
}

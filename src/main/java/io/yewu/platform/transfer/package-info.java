/**
 * PLT-10: Excel export of any list ({@link io.yewu.platform.transfer.ExcelExport}) and CSV/Excel import with a
 * row-by-row error report ({@link io.yewu.platform.transfer.Importer}).
 *
 * <p>A capability imports like this: declare an {@link io.yewu.platform.transfer.ImportSpec} (columns with their
 * Chinese and English headers and a {@link io.yewu.platform.transfer.CellParser} each, plus how a valid row becomes
 * the capability's record), then call {@code importer.importFile(() -> spec, file, mode, batch -> one INSERT per batch)}.
 * Every row is validated before anything is written, the file read a row at a time (memory stays flat, issue 9); in
 * {@code ALL_OR_NOTHING} mode a file with errors answers 422 {@code import-has-errors} with the errors, in
 * {@code VALID_ROWS} mode the valid rows are written and the rest reported. For the downloadable report, the capability offers an endpoint that takes the same file and
 * answers {@code ImportReport.xlsx(importer.check(spec, file), locale)}.
 */
@org.springframework.modulith.NamedInterface("transfer")
package io.yewu.platform.transfer;

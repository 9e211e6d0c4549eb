package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProgress;
import io.yewu.platform.transfer.ImportProblem;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportRow;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import io.yewu.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

@Service
class DefaultImporter implements Importer {

    /** The 422 answer lists this many errors at most; the downloadable report has them all. */
    static final int MAX_ERRORS_IN_ANSWER = 1000;

    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    /** Opens a file's reader: {@link TableReader#open}, or in a test one it watches. */
    private final Function<ImportFile, TableReader> readers;

    @Autowired
    DefaultImporter(MessageSource messages, TransactionTemplate tx) {
        this(messages, tx, TableReader::open);
    }

    DefaultImporter(MessageSource messages, TransactionTemplate tx, Function<ImportFile, TableReader> readers) {
        this.messages = messages;
        this.tx = tx;
        this.readers = readers;
        this.savepoint = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> ImportResult importRecords(ImportSpec<T> spec, ImportFile file, ImportMode mode,
                                          Function<List<T>, Written> writer, ImportProgress progress) {
        RowValidator<T> validator;
        List<ImportRow> parsed = new ArrayList<>();
        try (TableReader reader = readers.apply(file)) {
            validator = new RowValidator<>(spec, reader.headers());
            for (Table.Line line = reader.next(); line != null; line = reader.next()) parsed.add(validator.parse(line));
        }
        validator.check(parsed);
        List<T> valid = new ArrayList<>();
        for (ImportRow row : parsed) if (validator.valid(row)) valid.add(spec.toRecord().apply(row));
        // all or nothing: the valid rows are still written (and their rules run) so that the report is complete, then undone
        boolean cellErrors = !validator.errors.isEmpty();
        progress.writing(valid.size());
        // a savepoint when the request already runs in a transaction (an idempotent request does): undoing the file must
        // not undo the request's own bookkeeping; a transaction of its own otherwise
        Written written = valid.isEmpty() ? new Written(0, List.of()) : savepoint.execute(status -> {
            Written w = writer.apply(valid);
            if ((cellErrors || !w.refused().isEmpty()) && mode == ImportMode.ALL_OR_NOTHING) status.setRollbackOnly();
            return w;
        });
        List<RowValidator.CellError> errors = new ArrayList<>(validator.errors);
        for (ImportSpec.Refusal r : written.refused()) errors.add(new RowValidator.CellError(r.row(), r.column(), r.code(), r.args()));
        boolean rolledBack = !errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING;
        return result(spec, parsed.size(), rolledBack ? 0 : written.imported(), errors);
    }

    @Override
    public Optional<ProblemException> attempt(Runnable write) {
        try {
            savepoint.executeWithoutResult(status -> write.run());
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(e);
        } catch (DuplicateKeyException e) {
            // written meanwhile by someone else (the same file uploaded twice at once): this row only
            return Optional.of(ProblemException.conflict("import-written-meanwhile"));
        }
    }

    @Override
    public <T> ImportResult importFile(Supplier<ImportSpec<T>> spec, ImportFile file, ImportMode mode,
                                       Consumer<List<T>> writer, IntConsumer beforeWriting) {
        ImportResult result = importOrReport(spec, file, mode, writer, beforeWriting);
        if (!result.problems().isEmpty() && mode == ImportMode.ALL_OR_NOTHING) throw hasErrors(result);
        return result;
    }

    @Override
    public <T> ImportResult importOrReport(Supplier<ImportSpec<T>> specs, ImportFile file, ImportMode mode,
                                           Consumer<List<T>> writer, IntConsumer beforeWriting) {
        ImportSpec<T> spec = specs.get();
        Checked checked = checkFile(spec, file);
        if (!checked.errors().isEmpty() && mode == ImportMode.ALL_OR_NOTHING) return result(spec, checked.rows(), 0, checked.errors());
        beforeWriting.accept(checked.valid());
        if (checked.valid() > 0) tx.executeWithoutResult(status -> write(specs.get(), file, checked.failed(), writer));
        return result(spec, checked.rows(), checked.valid(), checked.errors());
    }

    @Override
    public <T> ImportResult check(ImportSpec<T> spec, ImportFile file) {
        Checked checked = checkFile(spec, file);
        return result(spec, checked.rows(), 0, checked.errors());
    }

    /** What the first pass keeps of a file: the data rows counted, every error, and which rows have one. */
    private record Checked(int rows, int valid, List<RowValidator.CellError> errors, Set<Integer> failed) {}

    /** The first pass: cells row by row, the spec's check {@value RowValidator#CHECK_BATCH} rows at a time. */
    private <T> Checked checkFile(ImportSpec<T> spec, ImportFile file) {
        try (TableReader reader = readers.apply(file)) {
            RowValidator<T> validator = new RowValidator<>(spec, reader.headers());
            List<ImportRow> chunk = new ArrayList<>(RowValidator.CHECK_BATCH);
            int rows = 0;
            int valid = 0;
            Table.Line line;
            do {
                line = reader.next();
                if (line != null) chunk.add(validator.parse(line));
                if (chunk.size() == RowValidator.CHECK_BATCH || line == null && !chunk.isEmpty()) {
                    validator.check(chunk);
                    rows += chunk.size();
                    for (ImportRow row : chunk) if (validator.valid(row)) valid++;
                    chunk.clear();
                }
            } while (line != null);
            return new Checked(rows, valid, validator.errors, validator.failed);
        }
    }

    /**
     * The second pass: the cells again, with a fresh spec, and the records of the rows the first pass passed to
     * {@code writer} {@value Importer#BATCH_SIZE} at a time.
     */
    private <T> void write(ImportSpec<T> spec, ImportFile file, Set<Integer> failed, Consumer<List<T>> writer) {
        try (TableReader reader = readers.apply(file)) {
            RowValidator<T> validator = new RowValidator<>(spec, reader.headers());
            List<T> batch = new ArrayList<>(BATCH_SIZE);
            for (Table.Line line = reader.next(); line != null; line = reader.next()) {
                ImportRow row = validator.parse(line);
                if (failed.contains(row.rowNumber())) continue;
                if (!validator.valid(row)) throw new IllegalStateException("row " + row.rowNumber() + " parsed differently the second time");
                batch.add(spec.toRecord().apply(row));
                if (batch.size() == BATCH_SIZE) {
                    writer.accept(batch);
                    batch = new ArrayList<>(BATCH_SIZE);
                }
            }
            if (!batch.isEmpty()) writer.accept(batch);
        }
    }

    private ImportResult result(ImportSpec<?> spec, int rows, int imported, List<RowValidator.CellError> errors) {
        RowValidator.sort(errors, spec);
        List<ImportProblem> problems = errors.stream().map(e -> new ImportProblem(e.row(), e.column().key(),
                e.column().zh(), e.column().en(), e.code(), e.args(),
                text(e.code(), e.args(), Locale.SIMPLIFIED_CHINESE), text(e.code(), e.args(), Locale.ENGLISH))).toList();
        return new ImportResult(rows, imported, problems);
    }

    private static ProblemException hasErrors(ImportResult result) {
        List<ProblemException.FieldProblem> fields = result.problems().stream().limit(MAX_ERRORS_IN_ANSWER)
                .map(p -> new ProblemException.FieldProblem("rows[" + p.row() + "]." + p.column(), p.code(), p.args()))
                .toList();
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "import-has-errors", fields, result.rowsWithErrors());
    }

    private String text(String code, Object[] args, Locale locale) {
        // a refusal of a record's own rules may carry a problem code (problem.<code>) rather than a field's
        String key = code.startsWith("problem.") ? code : "field." + code;
        return messages.getMessage(key, args, code, locale);
    }
}

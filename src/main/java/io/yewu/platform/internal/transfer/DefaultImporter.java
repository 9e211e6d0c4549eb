package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProgress;
import io.yewu.platform.transfer.ImportProblem;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import io.yewu.platform.web.ProblemException;
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
import java.util.function.Consumer;
import java.util.function.Function;

@Service
class DefaultImporter implements Importer {

    /** The 422 answer lists this many errors at most; the downloadable report has them all. */
    static final int MAX_ERRORS_IN_ANSWER = 1000;

    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;

    DefaultImporter(MessageSource messages, TransactionTemplate tx) {
        this.messages = messages;
        this.tx = tx;
        this.savepoint = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> ImportResult importRecords(ImportSpec<T> spec, String fileName, byte[] content, ImportMode mode,
                                          Function<List<T>, Written> writer, ImportProgress progress) {
        Table table = TableReader.read(fileName, content);
        RowValidator.Outcome<T> outcome = new RowValidator<>(spec, table.headers()).validate(table.lines());
        // all or nothing: the valid rows are still written (and their rules run) so that the report is complete, then undone
        boolean cellErrors = !outcome.errors().isEmpty();
        List<T> valid = outcome.valid();
        progress.writing(valid.size());
        // a savepoint when the request already runs in a transaction (an idempotent request does): undoing the file must
        // not undo the request's own bookkeeping; a transaction of its own otherwise
        Written written = valid.isEmpty() ? new Written(0, List.of()) : savepoint.execute(status -> {
            Written w = writer.apply(valid);
            if ((cellErrors || !w.refused().isEmpty()) && mode == ImportMode.ALL_OR_NOTHING) status.setRollbackOnly();
            return w;
        });
        List<RowValidator.CellError> errors = new ArrayList<>(outcome.errors());
        for (ImportSpec.Refusal r : written.refused()) errors.add(new RowValidator.CellError(r.row(), r.column(), r.code(), r.args()));
        RowValidator.sort(errors, spec);
        boolean rolledBack = !errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING;
        return result(table, rolledBack ? 0 : written.imported(), errors);
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
    public <T> ImportResult importFile(ImportSpec<T> spec, String fileName, byte[] content, ImportMode mode,
                                       Consumer<List<T>> writer, java.util.function.IntConsumer beforeWriting) {
        Table table = TableReader.read(fileName, content);
        RowValidator.Outcome<T> outcome = new RowValidator<>(spec, table.headers()).validate(table.lines());
        ImportResult checked = result(table, 0, outcome);
        if (!outcome.errors().isEmpty() && mode == ImportMode.ALL_OR_NOTHING) throw hasErrors(checked);
        List<T> valid = outcome.valid();
        beforeWriting.accept(valid.size());
        tx.executeWithoutResult(status -> {
            for (int from = 0; from < valid.size(); from += BATCH_SIZE) {
                writer.accept(valid.subList(from, Math.min(from + BATCH_SIZE, valid.size())));
            }
        });
        return result(table, valid.size(), outcome);
    }

    @Override
    public <T> ImportResult check(ImportSpec<T> spec, String fileName, byte[] content) {
        Table table = TableReader.read(fileName, content);
        return result(table, 0, new RowValidator<>(spec, table.headers()).validate(table.lines()));
    }

    private ImportResult result(Table table, int imported, RowValidator.Outcome<?> outcome) {
        return result(table, imported, outcome.errors());
    }

    private ImportResult result(Table table, int imported, List<RowValidator.CellError> errors) {
        List<ImportProblem> problems = errors.stream().map(e -> new ImportProblem(e.row(), e.column().key(),
                e.column().zh(), e.column().en(), e.code(), e.args(),
                text(e.code(), e.args(), Locale.SIMPLIFIED_CHINESE), text(e.code(), e.args(), Locale.ENGLISH))).toList();
        return new ImportResult(table.lines().size(), imported, problems);
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

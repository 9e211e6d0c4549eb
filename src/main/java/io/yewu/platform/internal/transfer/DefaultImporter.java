package io.yewu.platform.internal.transfer;

import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProblem;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import io.yewu.platform.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

@Service
class DefaultImporter implements Importer {

    /** The 422 answer lists this many errors at most; the downloadable report has them all. */
    static final int MAX_ERRORS_IN_ANSWER = 1000;

    private final MessageSource messages;
    private final TransactionTemplate tx;

    DefaultImporter(MessageSource messages, TransactionTemplate tx) {
        this.messages = messages;
        this.tx = tx;
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
        List<ImportProblem> problems = outcome.errors().stream().map(e -> new ImportProblem(e.row(), e.column().key(),
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
        return messages.getMessage("field." + code, args, code, locale);
    }
}

package io.yewu.platform.transfer;

import java.util.List;
import java.util.Locale;

/**
 * What an import answers: the job it ran as (its row report stays downloadable at
 * {@code /api/import-jobs/{jobId}/report}), the data rows read, the records written and every error row by row,
 * in the caller's language.
 */
public record ImportAnswer(String jobId, int rows, int imported, List<Error> errors) {

    public record Error(int row, String column, String message) {}

    public static ImportAnswer of(String jobId, ImportResult result, Locale locale) {
        boolean en = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return new ImportAnswer(jobId, result.rows(), result.imported(), result.problems().stream()
                .map(p -> new Error(p.row(), en ? p.columnEn() : p.columnZh(), en ? p.messageEn() : p.messageZh())).toList());
    }
}

package io.yewu.platform.transfer;

/** One error of the report: the row in the file, the column (key and header), the error code and its text in both languages. */
public record ImportProblem(int row, String column, String columnZh, String columnEn, String code, Object[] args,
                            String messageZh, String messageEn) {}

package io.yewu.platform.transfer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What a file must hold for one kind of record, and how a valid row becomes that record. */
public record ImportSpec<T>(List<ImportColumn<?>> columns, Function<ImportRow, T> toRecord) {

    public ImportSpec {
        columns = List.copyOf(columns);
        Set<String> keys = new HashSet<>();
        for (ImportColumn<?> c : columns) {
            if (!keys.add(c.key())) throw new IllegalArgumentException("column declared twice: " + c.key());
        }
    }
}

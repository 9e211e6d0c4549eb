package io.yewu.platform.transfer;

/** One import of one file, as a capability runs it (its spec, its write path), reporting progress as it goes. */
@FunctionalInterface
public interface ImportTask {

    ImportResult run(ImportProgress progress);
}

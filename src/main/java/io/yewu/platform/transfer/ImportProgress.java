package io.yewu.platform.transfer;

/** Progress of a long import, for the UI's progress bar: the records it will write, then those written so far. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {};

    default void writing(int total) {}

    default void written(int records) {}
}

package io.yewu.platform.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live, by key. The default keeps them in a folder under the data directory
 * (FilesystemFileStore in the platform); an S3-compatible object store is the intended alternative, plugged in as another
 * implementation selected by {@code yewu.files.store} (not built yet). Keys are made by the application, never by
 * the user.
 */
public interface FileStore {

    void write(String key, byte[] content) throws IOException;

    InputStream read(String key) throws IOException;

    /** Removes the file; a key with no file is no error. */
    void delete(String key) throws IOException;
}

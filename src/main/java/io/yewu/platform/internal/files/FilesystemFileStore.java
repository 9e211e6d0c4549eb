package io.yewu.platform.internal.files;

import io.yewu.platform.files.FileStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files under {@code ${yewu.data-dir}/files}; written to a temporary name first so a crash leaves no half file.
 * The only store so far: {@code yewu.files.store} other than {@code filesystem} stops the start with a message (a
 * runtime check, not a bean condition, so that the build's Spring AOT, decision 0046, does not fix the choice).
 */
@Component
class FilesystemFileStore implements FileStore {

    private final Path root;

    FilesystemFileStore(@Value("${yewu.data-dir}") String dataDir, @Value("${yewu.files.store:filesystem}") String store) {
        if (!"filesystem".equals(store.strip())) {
            throw new IllegalStateException("yewu.files.store=" + store + " is not a file store this version has; use filesystem");
        }
        this.root = Path.of(dataDir).resolve("files").toAbsolutePath().normalize();
    }

    @Override
    public void write(String key, byte[] content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream read(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) throw new IllegalArgumentException("key outside the file store: " + key);
        return path;
    }
}

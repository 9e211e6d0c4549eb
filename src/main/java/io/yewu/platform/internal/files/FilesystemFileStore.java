package io.yewu.platform.internal.files;

import io.yewu.platform.files.FileStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files under {@code ${yewu.data-dir}/files}; written to a temporary name first so a crash leaves no half file. */
@Component
@ConditionalOnProperty(name = "yewu.files.store", havingValue = "filesystem", matchIfMissing = true)
class FilesystemFileStore implements FileStore {

    private final Path root;

    FilesystemFileStore(@Value("${yewu.data-dir}") String dataDir) {
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

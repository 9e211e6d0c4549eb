package io.yewu.platform.transfer;

import io.yewu.platform.web.ProblemException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file to import, kept on disk while its import runs (issue 9: read a row at a time, never held in
 * memory): its name (CSV or .xlsx is told by it) and where it lies. Closing it deletes the file.
 */
public record ImportFile(String name, Path path) implements AutoCloseable {

    /** The upload copied into {@code dir} (the data directory's {@code imports/}); an empty upload is a 400. */
    public static ImportFile of(MultipartFile file, Path dir) {
        if (file == null || file.isEmpty()) throw ProblemException.badRequest("import-empty");
        try {
            Files.createDirectories(dir);
            Path path = Files.createTempFile(dir, "import-", ".upload");
            try {
                file.transferTo(path);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
            return new ImportFile(file.getOriginalFilename(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

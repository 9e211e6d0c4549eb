package io.yewu.platform.transfer;

import io.yewu.platform.web.ProblemException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** An uploaded file to import: its name (CSV or .xlsx is told by it) and content; an empty upload is a 400. */
public record ImportFile(String name, byte[] content) {

    public static ImportFile of(MultipartFile file) {
        if (file == null || file.isEmpty()) throw ProblemException.badRequest("import-empty");
        try {
            return new ImportFile(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.yewu.customer.internal.visit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The photo formats a visit accepts, recognised by their first bytes: the declared content type alone can be
 * anything the client says, so both must agree.
 */
public enum ImageKind {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String extension;

    ImageKind(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() { return contentType; }

    public String extension() { return extension; }

    public static Optional<ImageKind> ofContentType(String contentType) {
        if (contentType == null) return Optional.empty();
        String bare = contentType.split(";")[0].trim().toLowerCase();
        return Arrays.stream(values()).filter(k -> k.contentType.equals(bare)).findFirst();
    }

    /** Whether {@code head} (the file's first bytes, at least 12 for WebP) starts like this format. */
    public boolean matches(byte[] head) {
        return switch (this) {
            case JPEG -> startsWith(head, 0, 0xFF, 0xD8, 0xFF);
            case PNG -> startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case WEBP -> startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P');
        };
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}

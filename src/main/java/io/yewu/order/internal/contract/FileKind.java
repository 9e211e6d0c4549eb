package io.yewu.order.internal.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files a contract record accepts: PDF, images and Office documents, recognised by their first bytes (and,
 * for Office containers, by the name's extension, since a .docx is a ZIP and a .doc an OLE file). The declared
 * content type must agree, or be the generic one browsers send for Office files; anything else is refused, so
 * nothing is ever served back under a type it is not.
 */
enum FileKind {
    PDF("application/pdf", Set.of("pdf")),
    JPEG("image/jpeg", Set.of("jpg", "jpeg")),
    PNG("image/png", Set.of("png")),
    WEBP("image/webp", Set.of("webp")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
    DOC("application/msword", Set.of("doc")),
    XLS("application/vnd.ms-excel", Set.of("xls")),
    PPT("application/vnd.ms-powerpoint", Set.of("ppt"));

    private static final String GENERIC = "application/octet-stream";

    private final String contentType;
    private final Set<String> extensions;

    FileKind(String contentType, Set<String> extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    String contentType() { return contentType; }

    String extension() { return extensions.iterator().next(); }

    /** The kind the file is, when its first bytes, its name's extension and its declared type all agree. */
    static Optional<FileKind> of(String fileName, String declaredType, byte[] head) {
        String ext = extension(fileName);
        String declared = declaredType == null ? GENERIC : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.extensions.contains(ext))
                .filter(k -> declared.equals(GENERIC) || declared.equals(k.contentType)
                        || (k == JPEG && declared.equals("image/jpg")))
                .filter(k -> k.matches(head))
                .findFirst();
    }

    boolean matches(byte[] head) {
        return switch (this) {
            case PDF -> startsWith(head, 0, '%', 'P', 'D', 'F', '-');
            case JPEG -> startsWith(head, 0, 0xFF, 0xD8, 0xFF);
            case PNG -> startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case WEBP -> startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P');
            case DOCX, XLSX, PPTX -> startsWith(head, 0, 'P', 'K', 0x03, 0x04);
            case DOC, XLS, PPT -> startsWith(head, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
        };
    }

    private static String extension(String fileName) {
        if (fileName == null) return "";
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}

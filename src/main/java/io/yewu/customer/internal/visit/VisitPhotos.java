package io.yewu.customer.internal.visit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.files.FileStore;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Photos of visit steps 2 (outdoor ads, POP, racks), 4 (in-store display) and 5 (stock), CUS-14. Only JPEG, PNG
 * and WebP up to 10 MB, checked by declared type and by the file's first bytes, so nothing else is ever served
 * back under an image type.
 */
@Service
class VisitPhotos {

    private static final Logger log = LoggerFactory.getLogger(VisitPhotos.class);

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Set<Integer> STEPS = Set.of(2, 4, 5);

    record Stored(String contentType, String storageKey) {}

    record Content(String contentType, InputStream data) {}

    private final JdbcClient jdbc;
    private final Visits visits;
    private final FileStore files;
    private final AuditTrail audit;

    VisitPhotos(JdbcClient jdbc, Visits visits, FileStore files, AuditTrail audit) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.files = files;
        this.audit = audit;
    }

    @Transactional
    VisitView.Photo add(YewuPrincipal me, long visitId, int step, MultipartFile file) {
        visits.requireOpen(me, visitId);
        if (!STEPS.contains(step)) throw ProblemException.invalid("step", "visit-photo-step");
        if (file == null || file.isEmpty()) throw ProblemException.invalid("file", "required");
        if (file.getSize() > MAX_BYTES) throw ProblemException.invalid("file", "visit-photo-too-large", MAX_BYTES / 1024 / 1024);
        byte[] bytes = bytes(file);
        ImageKind kind = ImageKind.ofContentType(file.getContentType())
                .filter(k -> k.matches(Arrays.copyOf(bytes, Math.min(bytes.length, 16))))
                .orElseThrow(() -> ProblemException.invalid("file", "visit-photo-type"));
        String key = "visits/" + me.companyId() + "/" + visitId + "/" + UUID.randomUUID() + "." + kind.extension();
        try {
            files.write(key, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VisitView.Photo photo = jdbc.sql("""
                INSERT INTO visit_photo (company_id, visit_id, step, content_type, size_bytes, storage_key)
                VALUES (:c, :v, :step, :type, :size, :key)
                RETURNING id, step, content_type, size_bytes, created_at""")
                .param("c", me.companyId()).param("v", visitId).param("step", step).param("type", kind.contentType())
                .param("size", bytes.length).param("key", key).query(VisitView.Photo.class).single();
        audit.record("visit", visitId, "PHOTO", Changes.of().created("photo", photo.id()).created("step", step));
        return photo;
    }

    /**
     * The visitor removes a photo of an unfinished visit (a wrong shot, a customer who objects); after check-out the
     * visit's photos are its record and stay. The file goes once the row's removal has committed, so a rolled-back
     * removal never leaves a row without its file.
     */
    @Transactional
    void remove(YewuPrincipal me, long visitId, long photoId) {
        visits.requireOpen(me, visitId);
        String key = jdbc.sql("""
                DELETE FROM visit_photo WHERE company_id = :c AND visit_id = :v AND id = :id RETURNING storage_key""")
                .param("c", me.companyId()).param("v", visitId).param("id", photoId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("photo " + photoId));
        audit.record("visit", visitId, "PHOTO_REMOVED", Changes.of().put("photo", photoId, null));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    files.delete(key);
                } catch (IOException e) {
                    // the row is gone, so the file is unreachable; an orphan file is the same case as a failed insert
                    log.warn("visit photo file {} not deleted: {}", key, e.getMessage());
                }
            }
        });
    }

    /** The photo, if its visit is in the reader's scope (404 otherwise, as for the visit itself). */
    Content read(YewuPrincipal me, long visitId, long photoId) {
        visits.head(me, visitId);
        Stored stored = jdbc.sql("""
                SELECT content_type, storage_key FROM visit_photo WHERE company_id = :c AND visit_id = :v AND id = :id""")
                .param("c", me.companyId()).param("v", visitId).param("id", photoId).query(Stored.class).optional()
                .orElseThrow(() -> ProblemException.notFound("photo " + photoId));
        try {
            return new Content(stored.contentType(), files.read(stored.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

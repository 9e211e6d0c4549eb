package io.yewu.order.internal.contract;

import io.yewu.order.internal.policy.ContractRecordPolicy;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.files.FileStore;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * ORD-9: a contract's signing, execution, change and supplement records, each a new version with its file (PDF,
 * image or Office document up to {@value #MAX_MB} MB, checked by type and first bytes). The bytes live in the
 * platform's file store, as visit photos do; the database keeps the key, name, type and size.
 */
@Service
class ContractFiles {

    static final long MAX_MB = 15;
    static final long MAX_BYTES = MAX_MB * 1024 * 1024;

    record Content(String contentType, String fileName, InputStream data) {}

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final FileStore files;
    private final AuditTrail audit;
    private final DecisionRecords decisions;
    private final Settings settings;
    private final Clock clock;
    private final ContractRecordPolicy policy = new ContractRecordPolicy();

    ContractFiles(JdbcClient jdbc, Contracts contracts, FileStore files, AuditTrail audit, DecisionRecords decisions,
                  Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.files = files;
        this.audit = audit;
        this.decisions = decisions;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    ContractView.Record add(YewuPrincipal me, long contractId, String kindName, LocalDate recordedOn, String note,
                            MultipartFile file) {
        contracts.head(me, contractId);
        ContractRecordPolicy.Kind kind = parseKind(kindName);
        String cleanNote = note == null ? "" : note.trim();
        if (cleanNote.length() > 500) throw ProblemException.invalid("note", "too-long", 500);
        // one record at a time per contract: versions are numbered under the contract's row lock
        jdbc.sql("SELECT id FROM contract WHERE company_id = :c AND id = :id FOR UPDATE")
                .param("c", me.companyId()).param("id", contractId).query(Long.class).single();
        List<ContractRecordPolicy.Kind> existing = jdbc.sql(
                        "SELECT kind FROM contract_record WHERE company_id = :c AND contract_id = :id ORDER BY version")
                .param("c", me.companyId()).param("id", contractId)
                .query((rs, n) -> ContractRecordPolicy.Kind.valueOf(rs.getString(1))).list();
        boolean attached = file != null && !file.isEmpty();
        Decision<Optional<Integer>> decision = policy.nextVersion(existing, kind, attached,
                OrderRules.from(settings.snapshotAt(clock.instant())));
        if (!attached) throw ProblemException.invalid("file", "contract-file-required");
        int version = decision.outcome().orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                existing.isEmpty() ? "contract-signing-first" : "contract-already-signed", List.of()));
        if (file.getSize() > MAX_BYTES) throw ProblemException.invalid("file", "contract-file-too-large", MAX_MB);
        byte[] bytes = bytes(file);
        String fileName = fileName(file.getOriginalFilename());
        FileKind fileKind = FileKind.of(fileName, file.getContentType(), Arrays.copyOf(bytes, Math.min(bytes.length, 16)))
                .orElseThrow(() -> ProblemException.invalid("file", "contract-file-type"));
        String key = "contracts/" + me.companyId() + "/" + contractId + "/" + UUID.randomUUID() + "." + fileKind.extension();
        try {
            files.write(key, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate on = recordedOn != null ? recordedOn : LocalDate.now(clock.withZone(WorkCalendar.ZONE));
        long id = jdbc.sql("""
                INSERT INTO contract_record (company_id, contract_id, version, kind, recorded_on, note, file_name,
                                             content_type, size_bytes, storage_key, created_by)
                VALUES (:c, :k, :v, :kind, :on, :note, :name, :type, :size, :key, :me) RETURNING id""")
                .param("c", me.companyId()).param("k", contractId).param("v", version).param("kind", kind.name())
                .param("on", on).param("note", cleanNote).param("name", fileName).param("type", fileKind.contentType())
                .param("size", bytes.length).param("key", key).param("me", me.id()).query(Long.class).single();
        decisions.record("contract", String.valueOf(contractId), "record-version", decision);
        audit.record("contract", contractId, "RECORD", Changes.of().created("record", id).created("version", version)
                .created("kind", kind).created("file", fileName));
        return contracts.get(me, contractId).records().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** A record's file, if its contract is in the reader's scope (404 otherwise, as for the contract). */
    Content read(YewuPrincipal me, long contractId, long recordId) {
        contracts.head(me, contractId);
        record Stored(String contentType, String fileName, String storageKey) {}
        Stored stored = jdbc.sql("""
                SELECT content_type, file_name, storage_key FROM contract_record
                WHERE company_id = :c AND contract_id = :k AND id = :id""")
                .param("c", me.companyId()).param("k", contractId).param("id", recordId).query(Stored.class).optional()
                .orElseThrow(() -> ProblemException.notFound("contract record " + recordId));
        try {
            return new Content(stored.contentType(), stored.fileName(), files.read(stored.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContractRecordPolicy.Kind parseKind(String kind) {
        if (kind == null || kind.isBlank()) throw ProblemException.invalid("kind", "required");
        try {
            return ContractRecordPolicy.Kind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "contract-record-kind");
        }
    }

    /** The name as the user gave it, without any path, for the download; never used as a storage key. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.length() > 200) name = name.substring(name.length() - 200);
        return name.isEmpty() ? "file" : name;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

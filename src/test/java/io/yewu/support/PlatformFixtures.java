package io.yewu.support;

import io.yewu.platform.approval.ApprovalCompleted;
import io.yewu.platform.approval.ApprovalSpec;
import io.yewu.platform.approval.Approvals;
import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only stand-ins for capabilities that do not exist yet: a subject that asks for approval, a listener that
 * records how chains end, due-task handlers that record or fail, and a company job that fails for chosen companies.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformFixtures {

    /** A business record that needs BUSINESS_MANAGER then GENERAL_MANAGER approval. */
    public static class TestSubject {

        public static final String TYPE = "test-subject";

        private final Approvals approvals;
        private final JdbcClient jdbc;

        TestSubject(Approvals approvals, JdbcClient jdbc) {
            this.approvals = approvals;
            this.jdbc = jdbc;
        }

        public long submit(String applicant, String subjectId, long version) {
            return submit(applicant, subjectId, version, List.of(StepSpec.role(RoleCode.BUSINESS_MANAGER),
                    StepSpec.role(RoleCode.GENERAL_MANAGER)));
        }

        public long submit(String applicant, String subjectId, long version, List<StepSpec> steps) {
            return CompanyContext.callAs(companyId(), () -> approvals.start(new ApprovalSpec(TYPE, subjectId, version,
                    "测试申请 " + subjectId, userId(applicant), Decision.of("MANAGER_THEN_GM", 1L,
                    new RuleHit("TEST-1", "金额超过 50,000 元", "Amount over 50,000", Map.of("amount", "60000.00"))),
                    steps)));
        }

        public long companyId() {
            return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'")
                    .query(Long.class).single());
        }

        public long userId(String username) {
            return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                    .param("u", username).query(Long.class).single());
        }
    }

    /** Every ApprovalCompleted, as a listener in another module receives it. */
    public static class CompletedApprovals {

        public final List<ApprovalCompleted> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(ApprovalCompleted event) {
            received.add(event);
        }

        public List<ApprovalCompleted> forSubject(String subjectId) {
            return received.stream().filter(e -> e.subjectId().equals(subjectId)).toList();
        }
    }

    /** Records each task it runs; fails tasks whose payload says {@code fail: true}. */
    public static class RecordingHandler extends TaskRecorder {

        RecordingHandler(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public String kind() {
            return "test.record";
        }
    }

    /** What the test handlers share: each task run, its transaction and wall; tasks whose payload says fail, fail. */
    public abstract static class TaskRecorder implements DueTaskHandler {

        public final List<DueTask> handled = new CopyOnWriteArrayList<>();
        /** Per task key: the transaction it ran in and the company wall that transaction had. */
        public final Map<String, String> transactionOf = new ConcurrentHashMap<>();
        public final Map<String, String> wallOf = new ConcurrentHashMap<>();
        private final JdbcClient jdbc;

        TaskRecorder(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void handle(DueTask task) {
            handled.add(task);
            Map<String, Object> tx = jdbc.sql("SELECT txid_current()::text AS tx, current_setting('yewu.company_id', true) AS wall")
                    .query().singleRow();
            transactionOf.put(task.key(), (String) tx.get("tx"));
            wallOf.put(task.key(), String.valueOf(tx.get("wall")));
            if (Boolean.TRUE.equals(task.payload().get("fail"))) throw new IllegalStateException("told to fail");
        }

        public long count(String key) {
            return handled.stream().filter(t -> t.key().equals(key)).count();
        }
    }

    /** A {@link RecordingHandler} of kind {@code test.batch} that takes consecutive tasks together, recording each batch. */
    public static class BatchingHandler extends TaskRecorder {

        /** The task keys of each {@link #handleAll} call, in call order. */
        public final List<List<String>> batches = new CopyOnWriteArrayList<>();

        BatchingHandler(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public String kind() {
            return "test.batch";
        }

        @Override
        public boolean batches() {
            return true;
        }

        @Override
        public void handleAll(List<DueTask> tasks) {
            batches.add(tasks.stream().map(DueTask::key).toList());
            tasks.forEach(this::handle);
        }
    }

    /**
     * A company job that writes an audit entry per company and occurrence (entity {@code test-job}, id the
     * occurrence's epoch second) and then throws for the companies in {@link #failFor}, so its write rolls back.
     */
    public static class FlakyJob implements CompanyJob {

        public static final String NAME = "test.flaky";

        public final Set<Long> failFor = ConcurrentHashMap.newKeySet();
        private final AuditTrail audit;

        FlakyJob(AuditTrail audit) {
            this.audit = audit;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String cron() {
            return "0 0 4 * * *";
        }

        @Override
        public void run(long companyId, Instant occurrence) {
            audit.record("test-job", occurrence.getEpochSecond(), "ran", Changes.of().created("companyId", companyId));
            if (failFor.contains(companyId)) throw new IllegalStateException("company " + companyId + " told to fail");
        }
    }

    @Bean
    FlakyJob flakyJob(AuditTrail audit) {
        return new FlakyJob(audit);
    }

    @Bean
    TestSubject testSubject(Approvals approvals, JdbcClient jdbc) {
        return new TestSubject(approvals, jdbc);
    }

    @Bean
    CompletedApprovals completedApprovals() {
        return new CompletedApprovals();
    }

    @Bean
    RecordingHandler recordingHandler(JdbcClient jdbc) {
        return new RecordingHandler(jdbc);
    }

    @Bean
    BatchingHandler batchingHandler(JdbcClient jdbc) {
        return new BatchingHandler(jdbc);
    }
}

package io.yewu.platform.internal.transfer;

import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 9: an upload lies in the data directory's imports/ while its job runs, and is deleted when it ends, however it ends. */
class ImportUploadsTest {

    static final byte[] CSV = "姓名,电话\n张伟,13800138000\n".getBytes(StandardCharsets.UTF_8);
    static final YewuPrincipal USER = new YewuPrincipal(7, 1, "sales1", "张伟", 3, "/1/3/", Set.of("SALESPERSON"),
            DataScopeLevel.OWN, "zh-CN");

    @TempDir
    Path dataDir;

    // the background jobs of one test add to it from two threads at once
    final List<Path> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void logIn() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(USER, null, List.of()));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private ImportJobs.FileImport reading(boolean fail) {
        return (user, file, mode, progress) -> {
            seen.add(file.path());
            assertThat(file.path().getParent()).isEqualTo(dataDir.resolve("imports"));
            assertThat(file.name()).isEqualTo("c.csv");
            try {
                assertThat(Files.readAllBytes(file.path())).isEqualTo(CSV);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            if (fail) throw ProblemException.badRequest("import-empty");
            return new ImportResult(1, 1, List.of());
        };
    }

    @Test
    void anImportInTheRequestDeletesItsFileWhetherItSucceedsOrFails() {
        DefaultImportJobs jobs = new DefaultImportJobs(dataDir.toString());

        assertThat(jobs.run(new MockMultipartFile("file", "c.csv", null, CSV), ImportMode.VALID_ROWS, Locale.CHINA, reading(false))
                .imported()).isOne();
        assertThat(catchThrowableOfType(ProblemException.class, () -> jobs.run(new MockMultipartFile("file", "c.csv", null, CSV),
                ImportMode.VALID_ROWS, Locale.CHINA, reading(true))).code()).isEqualTo("import-empty");

        assertThat(seen).hasSize(2).noneMatch(Files::exists);
    }

    @Test
    void aBackgroundJobDeletesItsFileWhenItEnds() throws InterruptedException {
        DefaultImportJobs jobs = new DefaultImportJobs(dataDir.toString());

        ImportJobs.Status ok = jobs.start(new MockMultipartFile("file", "c.csv", null, CSV), ImportMode.VALID_ROWS, Locale.CHINA, reading(false));
        ImportJobs.Status failed = jobs.start(new MockMultipartFile("file", "c.csv", null, CSV), ImportMode.VALID_ROWS, Locale.CHINA, reading(true));

        for (int i = 0; i < 100 && (jobs.job(USER, ok.id()).status().state() != ImportJobs.State.DONE
                || catchThrowableOfType(ProblemException.class, () -> jobs.job(USER, failed.id())) == null); i++) {
            Thread.sleep(50);
        }
        assertThat(jobs.job(USER, ok.id()).status().answer().imported()).isOne();
        assertThat(catchThrowableOfType(ProblemException.class, () -> jobs.job(USER, failed.id())).code()).isEqualTo("import-empty");
        assertThat(seen).hasSize(2).noneMatch(Files::exists);
    }

    @Test
    void uploadsLeftByAStoppedNodeAreDeletedAtStart() throws IOException {
        Path left = Files.createDirectories(dataDir.resolve("imports")).resolve("import-123.upload");
        Files.write(left, CSV);

        new DefaultImportJobs(dataDir.toString());

        assertThat(left).doesNotExist();
    }
}

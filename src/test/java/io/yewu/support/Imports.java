package io.yewu.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading import files in the ITs: as a request (its statements counted) or as a job polled to its end. */
public final class Imports {

    private Imports() {}

    public static Api.Response upload(Api api, String path, String csv) {
        return api.upload(path, "file", "import.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The statements the import request sent, the session's own bookkeeping left out (its timing, not N, decides it). */
    public static List<String> counted(Api api, String path, String csv, int expectedImported) {
        String tag = UUID.randomUUID().toString();
        Api.Response r = upload(api.header(StatementCounter.HEADER, tag), path, csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(expectedImported);
        return StatementCounter.work(StatementCounter.statements(tag));
    }

    /** Polls a job until it is done (or answers anything but 200). */
    public static Api.Response poll(Api api, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Api.Response r = api.get("/api/import-jobs/" + id);
            if (r.status() != 200 || r.json().path("state").asString().equals("DONE")) return r;
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + id + " did not finish");
    }
}

package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.Imports;
import io.yewu.support.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** PLT-10 customer and lead import: Chinese headers, row-by-row errors, duplicates as row errors, both modes. */
class CustomerImportIT extends IntegrationTest {

    private long count(String prefix) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM customer WHERE name LIKE :p").param("p", prefix + "%").query(Long.class).single());
    }

    @Test
    void PLT10_aFileWithBrokenRowsImportsNothingUnlessValidRowsAreChosen() {
        String p = unique("导入");
        String existing = unique("已存在");
        login("sales2").post("/api/customers", CustomerFilingIT.customer(existing, mobile()));
        String csv = "客户名称,城市,联系人,电话,邮箱,标签\n"
                + p + "甲,广州,王经理," + mobile() + ",a@b.cn,重点;新\n"
                + p + "乙,火星,李经理," + mobile() + ",,\n"                 // unknown city
                + p + "丙,深圳,赵经理,12345,,\n"                          // malformed phone
                + p + "甲,佛山,钱经理," + mobile() + ",,\n"                // repeats row 2
                + existing + ",东莞,孙经理," + mobile() + ",,\n"          // filed by someone else
                + p + "丁,杭州市,周经理," + mobile() + ",,\n";
        Api sales1 = login("sales1");
        Api.Response all = sales1.upload("/api/customers/import?mode=ALL_OR_NOTHING", "file", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("imported").asInt()).isZero();
        assertThat(all.json().path("errors").size()).isEqualTo(4);
        assertThat(all.body()).contains("未知城市：火星", "与文件中前面的行重复", "刘洋");
        assertThat(count(p)).isZero();

        Api.Response valid = sales1.header("Idempotency-Key", UUID.randomUUID().toString())
                .upload("/api/customers/import?mode=VALID_ROWS", "file", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().path("imported").asInt()).isEqualTo(2);
        assertThat(count(p)).isEqualTo(2);
        var row = sales1.get("/api/customers?q=" + java.net.URLEncoder.encode(p + "甲", StandardCharsets.UTF_8)).json().path("items").get(0);
        assertThat(row.path("source").asString()).isEqualTo("IMPORT");
        assertThat(row.path("ownerName").asString()).isEqualTo("张伟");
        assertThat(row.path("city").asString()).isEqualTo("广州");
        // the same file again: every row is now a duplicate
        Api.Response again = sales1.upload("/api/customers/import?mode=VALID_ROWS", "file", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().path("imported").asInt()).isZero();
    }

    @Test
    void PLT10_englishHeadersAndLeadImportIntoThePool() {
        String p = unique("线索导入");
        String csv = "name,city,contactName,phone,productCategory\n" + p + "A,上海,Wang," + mobile() + ",饮料\n";
        Api.Response r = login("promoter").upload("/api/leads/import", "file", "leads.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.json().path("imported").asInt()).as(r.body()).isOne();
        String stage = asSystem(() -> jdbc.sql("SELECT stage || '/' || source || '/' || coalesce(owner_id::text, 'pool') FROM customer WHERE name = :n")
                .param("n", p + "A").query(String.class).single());
        assertThat(stage).isEqualTo("LEAD/ONLINE/pool");
        assertThat(login("sales1").upload("/api/leads/import", "file", "leads.csv", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    @Test
    void PLT10_aFileThatIsNoTableIsRefusedClearly() {
        Api.Response r = login("sales1").language("en").upload("/api/customers/import", "file", "x.csv", new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).isNotBlank();
        Api.Response missing = login("sales1").upload("/api/customers/import", "file", "x.csv", "城市\n广州\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
    }

    private static Api.Response poll(Api api, String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Api.Response r = api.get("/api/import-jobs/" + id);
            if (r.status() != 200 || r.json().path("state").asString().equals("DONE")) return r;
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + id + " did not finish");
    }

    @Test
    void issue9_aLongFileImportsAsAJobWithProgressAndTheSameRowReport() throws InterruptedException {
        String p = unique("作业导入");
        String existing = unique("作业已存在");
        login("sales2").post("/api/customers", CustomerFilingIT.customer(existing, mobile()));
        String csv = "客户名称,城市,电话\n" + p + "甲,广州," + mobile() + "\n" + p + "乙,火星," + mobile() + "\n"
                + existing + ",东莞," + mobile() + "\n" + p + "丙,深圳," + mobile() + "\n";
        Api sales1 = login("sales1");
        Api.Response started = sales1.upload("/api/customers/import/jobs?mode=VALID_ROWS", "file", "customers.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asString();
        Api.Response done = poll(sales1, id);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("written").asInt()).isEqualTo(2);
        assertThat(done.json().path("total").asInt()).isEqualTo(2);
        assertThat(done.json().path("answer").path("imported").asInt()).isEqualTo(2);
        assertThat(done.json().path("answer").path("errors").toString()).contains("未知城市：火星", "刘洋");
        assertThat(count(p)).isEqualTo(2);
        // a job is its uploader's: anyone else gets 404, as for an id that does not exist
        assertThat(login("sales2").get("/api/import-jobs/" + id).status()).isEqualTo(404);
        assertThat(sales1.get("/api/import-jobs/" + UUID.randomUUID()).status()).isEqualTo(404);
        // a file that is no table: the job answers the same 400 the direct import does
        Api.Response broken = sales1.upload("/api/customers/import/jobs", "file", "x.csv", "城市\n广州\n".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(202);
        assertThat(poll(sales1, broken.json().path("id").asString()).status()).isEqualTo(400);
    }

    /**
     * Issue 9: the file is read a thousand rows at a time, twice, so the in-file duplicate guard and the look-up of
     * existing files must work across chunks; both modes answer what reading the whole file gave.
     */
    @Test
    void issue9_aLongSheetIsCheckedAcrossChunksInBothModes() throws IOException, InterruptedException {
        String p = unique("长表");
        String existing = unique("长表已存在");
        login("sales2").post("/api/customers", CustomerFilingIT.customer(existing, mobile()));
        int rows = 2345;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("客户");
        ws.value(0, 0, "客户名称*");
        ws.value(0, 1, "城市*");
        ws.value(0, 2, "电话");
        for (int r = 1; r <= rows; r++) {
            int row = r + 1;
            ws.value(r, 0, row == 1600 ? p + "-3" : row == 2200 ? existing : p + "-" + row);  // 1600 repeats row 3 (first chunk)
            ws.value(r, 1, row == 40 ? "火星" : "广州");
            ws.value(r, 2, mobile());
        }
        wb.finish();
        Api sales1 = login("sales1");

        Api.Response all = sales1.upload("/api/customers/import?mode=ALL_OR_NOTHING", "file", "customers.xlsx", out.toByteArray());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("rows").asInt()).isEqualTo(rows);
        assertThat(all.json().path("imported").asInt()).isZero();
        assertThat(rowsOf(all.json().path("errors"))).containsExactly(40, 1600, 2200);
        assertThat(all.body()).contains("未知城市：火星", "与文件中前面的行重复", "刘洋");
        assertThat(count(p)).isZero();

        Api.Response started = sales1.upload("/api/customers/import/jobs?mode=VALID_ROWS", "file", "customers.xlsx", out.toByteArray());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Api.Response done = Imports.poll(sales1, started.json().path("id").asString());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("total").asInt()).isEqualTo(rows - 3);
        assertThat(done.json().path("written").asInt()).isEqualTo(rows - 3);
        assertThat(done.json().path("answer").path("imported").asInt()).isEqualTo(rows - 3);
        assertThat(rowsOf(done.json().path("answer").path("errors"))).containsExactly(40, 1600, 2200);
        assertThat(count(p)).isEqualTo(rows - 3);
    }

    private static java.util.List<Integer> rowsOf(tools.jackson.databind.JsonNode errors) {
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode e : errors) rows.add(e.path("row").asInt());
        return rows;
    }
}

package io.yewu.pricing;

import io.yewu.support.Api;
import io.yewu.support.Imports;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.yewu.pricing.PricingFixture.TODAY;
import static io.yewu.pricing.PricingFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** PLT-10 / PRC-2: guide price lists imported from a spreadsheet become draft lists, row errors reported row by row. */
class PriceListImportIT extends IntegrationTest {

    private String product(Api mktdir, String kind) {
        String code = unique("IMP");
        Api.Response r = mktdir.post("/api/products", Map.of("code", code, "name", "导入电缆" + code, "kind", kind, "unit", "米"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    private long lists(String name) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM price_list WHERE name = :n").param("n", name).query(Long.class).single());
    }

    @Test
    void PLT10_aGoodFileBecomesDraftListsPerNameAndDateWithTheirLines() {
        Api mktdir = login("mktdir");
        String a = product(mktdir, "STANDARD");
        String b = product(mktdir, "STANDARD");
        String name = unique("导入指导价");
        String csv = "价格表名称,生效日期,产品编码,产品名称,指导价\n"
                + name + "," + TODAY + "," + a + ",铜芯电缆,\"1,200.50\"\n"
                + name + "," + TODAY + "," + b + ",,99\n"
                + name + "," + TODAY.plusDays(30) + "," + a + ",,1250.00\n";
        Api.Response r = Imports.upload(mktdir, "/api/price-lists/import", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).isEqualTo(3);
        assertThat(r.json().path("errors").size()).isZero();
        assertThat(lists(name)).isEqualTo(2);
        Api.Response page = mktdir.get("/api/price-lists?size=200&status=DRAFT");
        var today = java.util.stream.StreamSupport.stream(page.json().path("items").spliterator(), false)
                .filter(l -> l.path("name").asString().equals(name) && l.path("effectiveFrom").asString().equals(TODAY.toString()))
                .findFirst().orElseThrow();
        assertThat(today.path("lineCount").asInt()).isEqualTo(2);
        var detail = mktdir.get("/api/price-lists/" + today.path("id").asLong()).json();
        assertThat(detail.path("lines").toString()).contains("1200.5", "99");
        // the general manager may import too; a salesperson may not
        assertThat(Imports.upload(login("sales1"), "/api/price-lists/import", csv).status()).isEqualTo(403);
        assertThat(Xlsx.download(port, mktdir, "/api/price-lists/import/template", "zh-CN").getFirst())
                .containsExactly("价格表名称*", "生效日期*", "产品编码*", "产品名称", "指导价*");
        assertThat(Xlsx.download(port, mktdir, "/api/price-lists/export?status=DRAFT", "zh-CN").toString()).contains(name, "草稿");
    }

    @Test
    void PLT10_rowErrorsImportNothingUnlessValidRowsAreChosenAndTheSameFileTwiceMakesNoSecondList() {
        Api mktdir = login("mktdir");
        String ok = product(mktdir, "STANDARD");
        String ok2 = product(mktdir, "STANDARD");
        String ok3 = product(mktdir, "STANDARD");
        String ok4 = product(mktdir, "STANDARD");
        String ok5 = product(mktdir, "STANDARD");
        String custom = product(mktdir, "CUSTOM");
        String name = unique("导入错误价");
        String csv = "价格表名称,生效日期,产品编码,指导价\n"
                + name + "," + TODAY + "," + ok + ",100.00\n"          // row 2: fine
                + name + "," + TODAY + ",NO-SUCH-CODE,100\n"           // row 3: unknown product code
                + name + "," + TODAY + "," + ok2 + ",0\n"              // row 4: price not above zero
                + name + "," + TODAY + "," + ok3 + ",-5\n"             // row 5: negative
                + name + "," + TODAY + "," + ok4 + ",10.005\n"         // row 6: three decimals
                + name + "," + TODAY + "," + ok + ",101\n"             // row 7: same product twice in one list
                + name + "," + TODAY.minusDays(1) + "," + ok5 + ",9\n" // row 8: in the past
                + name + "," + TODAY + "," + custom + ",9\n";          // row 9: non-standard product
        Api.Response all = Imports.upload(mktdir.header("Idempotency-Key", java.util.UUID.randomUUID().toString()),
                "/api/price-lists/import?mode=ALL_OR_NOTHING", csv);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("imported").asInt()).isZero();
        List<Integer> rows = java.util.stream.StreamSupport.stream(all.json().path("errors").spliterator(), false)
                .map(e -> e.path("row").asInt()).toList();
        assertThat(rows).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(all.body()).contains("未知产品编码：NO-SUCH-CODE", "价格必须大于零", "金额最多两位小数", "同一产品在价格表中出现了两次",
                "生效日期不能早于今天");
        assertThat(lists(name)).isZero();
        // the row report of that answer, both languages
        List<List<String>> report = Xlsx.download(port, mktdir, "/api/import-jobs/" + all.json().path("jobId").asString() + "/report", "zh-CN");
        assertThat(report).hasSize(8);
        assertThat(report.get(1)).contains("3", "产品编码 / productCode", "未知产品编码：NO-SUCH-CODE", "Unknown product code: NO-SUCH-CODE");
        assertThat(login("gm").get("/api/import-jobs/" + all.json().path("jobId").asString()).status()).isEqualTo(404);

        Api.Response valid = Imports.upload(mktdir, "/api/price-lists/import?mode=VALID_ROWS", csv);
        assertThat(valid.json().path("imported").asInt()).as(valid.body()).isEqualTo(1);
        assertThat(lists(name)).isEqualTo(1);
        Api.Response again = Imports.upload(mktdir, "/api/price-lists/import?mode=VALID_ROWS", csv);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.body()).contains("已有同名、同生效日期的价格表（状态：DRAFT）");
        assertThat(lists(name)).isEqualTo(1);
    }

    @Test
    void PLT10_aLongListCostsTheSameStatementsAsAShortOne() {
        Api mktdir = login("mktdir");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) codes.add(product(mktdir, "STANDARD"));
        List<String> small = Imports.counted(mktdir, "/api/price-lists/import", file(unique("小表"), codes.subList(0, 3)), 3);
        List<String> large = Imports.counted(mktdir, "/api/price-lists/import", file(unique("大表"), codes), 30);
        assertThat(large).as("statements for 30 rows (N+1?)").hasSameSizeAs(small);
        assertThat(String.join("\n", large)).contains("price_list_line", "audit_log");
    }

    private static String file(String name, List<String> codes) {
        StringBuilder csv = new StringBuilder("价格表名称,生效日期,产品编码,指导价\n");
        for (String c : codes) csv.append(name).append(',').append(TODAY).append(',').append(c).append(",88.80\n");
        return csv.toString();
    }
}

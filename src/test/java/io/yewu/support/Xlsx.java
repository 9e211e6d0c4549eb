package io.yewu.support;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads an export as the logged-in user and reads its first sheet as text cells (header row first): a date cell
 * as its date (2026-11-30), a number as written (1000.00).
 */
public final class Xlsx {

    private Xlsx() {}

    public static List<List<String>> download(int port, Api api, String path, String language) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", "SESSION=" + api.sessionCookie()).header("Accept-Language", language).build();
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
            List<List<String>> rows = new ArrayList<>();
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()), new ReadingOptions(true, false))) {
                for (Row row : wb.getFirstSheet().read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) cells.add(text(row.getCell(c)));
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) return "";
        String format = cell.getDataFormatString();
        if (cell.getType() == CellType.NUMBER && format != null && format.contains("yy")) return cell.asDate().toLocalDate().toString();
        return cell.getText();
    }

    public static List<List<String>> download(int port, Api api, String path) {
        return download(port, api, path, "zh-CN");
    }
}

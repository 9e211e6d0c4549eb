package io.yewu.pricing.internal.quote;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * PRC-10: the quote as a printable PDF in Chinese (openhtmltopdf on PDFBox). The font is Noto Sans SC, taken at build
 * time from the Maven Central artifact {@code com.helger.font:ph-fonts-noto-sans-sc} (SIL Open Font License, see
 * {@code fonts/ttf/NotoSansSC/OFL.txt}) — never from the machine — and embedded as a subset.
 */
@Component
class QuotePdf {

    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private volatile byte[] font;

    ResponseEntity<byte[]> response(Quotes.Detail quote) {
        byte[] pdf = render(quote);
        String name = quote.quote().number() + "-v" + quote.current().versionNo() + ".pdf";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    byte[] render(Quotes.Detail quote) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(font()), "Noto Sans SC");
            builder.withHtmlContent(html(quote), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] font() {
        byte[] f = font;
        if (f == null) {
            try (InputStream in = QuotePdf.class.getResourceAsStream(FONT)) {
                if (in == null) throw new IllegalStateException("the Chinese font " + FONT + " is missing from the build");
                f = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            font = f;
        }
        return f;
    }

    static String html(Quotes.Detail d) {
        QuoteViews.Header q = d.quote();
        QuoteViews.VersionView v = d.current();
        StringBuilder rows = new StringBuilder();
        for (QuoteViews.LineDetail ld : d.lines()) {
            QuoteViews.LineView l = ld.line();
            rows.append("<tr><td>").append(l.lineNo()).append("</td><td>").append(esc(l.productCode())).append("</td><td>")
                    .append(esc(l.productName())).append("</td><td class=\"n\">").append(l.quantity().stripTrailingZeros().toPlainString())
                    .append("</td><td>").append(esc(l.unit())).append("</td><td class=\"n\">").append(money(l.unitPrice()))
                    .append("</td><td class=\"n\">").append(money(l.amount())).append("</td></tr>");
        }
        return """
                <html><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 18mm 15mm; }
                body { font-family: 'Noto Sans SC'; font-size: 10.5pt; color: #222; }
                h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm 0; }
                table { width: 100%%; border-collapse: collapse; }
                .meta td { padding: 1.5mm 0; }
                .lines th, .lines td { border: 0.5pt solid #888; padding: 1.5mm 2mm; }
                .lines th { background: #f0f0f0; }
                .n { text-align: right; }
                .total td { font-weight: bold; }
                p { margin: 2mm 0; }
                </style></head><body>
                <h1>报价单</h1>
                <table class="meta">
                <tr><td>报价单号：%s（第 %d 版）</td><td>报价日期：%s</td></tr>
                <tr><td>客户：%s</td><td>有效期至：%s</td></tr>
                <tr><td>业务员：%s</td><td>价格均为含税价（人民币元）</td></tr>
                </table>
                <table class="lines">
                <tr><th>序号</th><th>产品编码</th><th>产品名称</th><th>数量</th><th>单位</th><th>含税单价</th><th>金额</th></tr>
                %s
                <tr class="total"><td colspan="6" class="n">含税合计</td><td class="n">%s</td></tr>
                <tr><td colspan="6" class="n">其中增值税</td><td class="n">%s</td></tr>
                </table>
                <p>付款条件：%s</p>
                <p>交货条件：%s</p>
                <p>备注：%s</p>
                </body></html>
                """.formatted(esc(q.number()), v.versionNo(), DAY.format(v.issuedOn()), esc(q.customerName()),
                DAY.format(v.validUntil()), esc(q.ownerName()), rows, money(v.total()), money(v.tax()),
                dash(v.paymentTerms()), dash(v.deliveryTerms()), dash(v.notes()));
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : String.format("%,.2f", amount);
    }

    private static String dash(String text) {
        return text == null || text.isBlank() ? "—" : esc(text);
    }

    private static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

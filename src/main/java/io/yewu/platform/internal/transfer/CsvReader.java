package io.yewu.platform.internal.transfer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), read a record at a time from the file.
 * Text is UTF-8 (a BOM is dropped) unless it is not valid UTF-8, in which case it is GBK, the encoding Chinese Excel
 * saves CSV in (read as GB18030, its superset); telling which reads the file once more, without keeping it.
 */
final class CsvReader implements Closeable {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final Reader in;
    private int peeked = -2;
    private int records;

    CsvReader(Path file) throws IOException {
        InputStream bytes = Files.newInputStream(file);
        try {
            boolean bom = bytes.read() == 0xEF && bytes.read() == 0xBB && bytes.read() == 0xBF;
            bytes.close();
            bytes = Files.newInputStream(file);
            if (bom) bytes.skipNBytes(3);
            this.in = new BufferedReader(new InputStreamReader(bytes, bom || utf8(file) ? StandardCharsets.UTF_8 : GB18030), 1 << 16);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    /** Whether the whole file is valid UTF-8. */
    private static boolean utf8(Path file) throws IOException {
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[1 << 14];
            while (r.read(buffer) != -1) {
                // only whether it decodes
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The next record, or null at the end of the file. */
    List<String> next() throws IOException {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int ch = read(); ch != -1; ch = read()) {
            if (quoted) {
                if (ch != '"') field.append((char) ch);
                else if (peek() == '"') field.append((char) read());
                else quoted = false;
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') read();
                record.add(field.toString());
                records++;
                return record;
            } else {
                field.append((char) ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records++;
            return record;
        }
        return null;
    }

    /** Records parsed so far. */
    int records() {
        return records;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int ch = peeked;
            peeked = -2;
            return ch;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) peeked = in.read();
        return peeked;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

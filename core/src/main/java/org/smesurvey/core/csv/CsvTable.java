package org.smesurvey.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file read whole: its header and its rows, each row with its line number. Whatever is wrong
 * with the file itself (encoding, quoting, header, ragged rows, oversized cells) goes to {@link Problems};
 * the rows kept are those whose shape is right.
 */
final class CsvTable {

    /** Larger files are refused rather than read into memory. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    /** Longer cells are refused: no field of a catalogue needs more. */
    static final int MAX_CELL = 100_000;

    /** Where commons-csv's messages say the failing record starts or the failure is. */
    private static final Pattern FAILURE_LINE = Pattern.compile("(?:startline|line:?) ([\\d,.\u00a0]+)");

    private final String file;
    private final List<Row> rows;
    private final boolean complete;
    private final Set<String> droppedKeys;

    private CsvTable(String file, List<Row> rows, boolean complete, Set<String> droppedKeys) {
        this.file = file;
        this.rows = rows;
        this.complete = complete;
        this.droppedKeys = droppedKeys;
    }

    /** A file that could not be read at all; the reason is in the problems. */
    private static CsvTable unreadable(String file) {
        return new CsvTable(file, List.of(), false, Set.of());
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Whether every row could be split into cells. When false, rows are missing and references to them
     * (an observation's study) cannot be checked.
     */
    boolean complete() {
        return complete;
    }

    /** The first cell (the key) of each row dropped for its shape, so that references to it are not reported twice. */
    Set<String> droppedKeys() {
        return droppedKeys;
    }

    /**
     * Reads a whole file. Returns a table with no rows when the file cannot be read at all; the reason is
     * then in {@code problems}.
     */
    static CsvTable read(CsvSource source, Charset charset, TableSpec spec, Problems problems) throws IOException {
        String file = source.name();
        byte[] bytes;
        try (InputStream in = source.opener().open()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(file, 0, 0, "", "", "file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            return unreadable(file);
        }
        String text = decode(bytes, charset, file, problems);
        if (text == null) {
            return unreadable(file);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(file, 1, 0, "", "", "file is empty; expected a header row with the columns "
                    + String.join(", ", spec.required()));
            return unreadable(file);
        }
        return parse(file, text, spec, problems);
    }

    private static String decode(byte[] bytes, Charset charset, String file, Problems problems) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            long line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String hint = charset.name().equals("UTF-8")
                    ? "; a file saved by Excel on Windows is usually Windows-1252: read it with"
                            + " CatalogueReader.withCharset(Charset.forName(\"windows-1252\"))"
                    : "";
            problems.add(file, line, 0, "", String.format(Locale.ROOT, "byte 0x%02X at offset %d", bytes[offset], offset),
                    "not valid " + charset.name() + hint);
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static CsvTable parse(String file, String text, TableSpec spec, Problems problems) {
        LineIndex lines = new LineIndex(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .get();
        List<Row> rows = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        Map<String, Integer> columns = null;
        String[] header = null;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lines.lineOf(record.getCharacterPosition());
                if (header == null) {
                    header = record.values();
                    columns = header(file, header, spec, problems);
                    if (columns == null) {
                        return unreadable(file);
                    }
                    continue;
                }
                String[] cells = record.values();
                if (isBlank(cells)) {
                    continue;
                }
                if (cells.length != header.length) {
                    problems.add(file, line, 0, "", "", String.format(Locale.ROOT,
                            "row has %d cells but the header has %d columns (a decimal comma in a"
                                    + " comma-separated file must be quoted)", cells.length, header.length));
                    dropped.add(cells[0].strip());
                    continue;
                }
                if (!fits(file, line, header, cells, problems)) {
                    dropped.add(cells[0].strip());
                    continue;
                }
                rows.add(new Row(file, line, columns, header, cells, problems));
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            problems.add(file, failureLine(e, lines, text), 0, "", "", quotingMessage(e));
            return unreadable(file);
        }
        if (header != null && rows.isEmpty() && !spec.mayBeEmpty()) {
            problems.add(file, 0, 0, "", "", "file has a header but no data rows");
        }
        return new CsvTable(file, List.copyOf(rows), true, Set.copyOf(dropped));
    }

    /** Semicolon when the header has more semicolons than commas outside quotes, comma otherwise. */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static Map<String, Integer> header(String file, String[] header, TableSpec spec, Problems problems) {
        Map<String, Integer> columns = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().toLowerCase(Locale.ROOT);
            if (name.length() > MAX_CELL) {
                problems.add(file, 1, i + 1, "", name, "header cell is longer than " + MAX_CELL + " characters");
                return null;
            }
            if (!spec.columns().contains(name)) {
                problems.add(file, 1, i + 1, name, name, "unknown column; the columns are "
                        + String.join(", ", spec.columns()));
                ok = false;
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(file, 1, i + 1, name, name, "column repeats column " + (columns.get(name) + 1));
                ok = false;
            }
        }
        for (String required : spec.required()) {
            if (!columns.containsKey(required)) {
                problems.add(file, 1, 0, "", "", "missing required column '" + required + "'");
                ok = false;
            }
        }
        for (List<String> alternatives : spec.oneOf()) {
            if (alternatives.stream().noneMatch(columns::containsKey)) {
                problems.add(file, 1, 0, "", "", "missing column: one of " + String.join(", ", alternatives));
                ok = false;
            }
        }
        return ok ? Map.copyOf(columns) : null;
    }

    private static boolean fits(String file, long line, String[] header, String[] cells, Problems problems) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].length() > MAX_CELL) {
                problems.add(file, line, i + 1, header[i].strip(), cells[i], String.format(Locale.ROOT,
                        "cell is %,d characters long; the limit is %,d", cells[i].length(), MAX_CELL));
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String[] cells) {
        return Arrays.stream(cells).allMatch(String::isBlank);
    }

    private static long failureLine(Exception e, LineIndex lines, String text) {
        Matcher m = FAILURE_LINE.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return Long.parseLong(m.group(1).replaceAll("\\D", ""));
        }
        return lines.lineOf(text.length());
    }

    private static String quotingMessage(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quoted cell: a quote opened on this line is never closed";
        }
        if (message.contains("between encapsulated token and delimiter")) {
            return "text after a closing quote: a quoted cell must end at the delimiter (write \"\" for a quote inside it)";
        }
        return "cannot be read as CSV: " + message;
    }

    /** Maps character offsets to 1-based line numbers. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long offset) {
            int index = Arrays.binarySearch(starts, (int) Math.min(offset, Integer.MAX_VALUE));
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}

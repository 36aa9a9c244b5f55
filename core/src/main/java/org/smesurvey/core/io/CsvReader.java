package org.smesurvey.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file row by row with commons-csv, under the rules of this package (see its
 * {@linkplain org.smesurvey.core.io summary}): every problem of the file's shape — encoding, quoting, header,
 * ragged rows, oversized cells — goes to {@link Problems} with its line and column, and each good-shaped row is
 * handed on as a {@link Row} whose cells report their own problems.
 *
 * <p>Memory is bounded by the longest row, not by the file: rows are streamed
 * ({@link #read(InputSource, Problems, Consumer)}) unless asked to be kept ({@link #readAll}), a row (with
 * the one before it) longer than {@value #MAX_ROW_CHARS} characters stops the read, and {@link Problems} keeps
 * at most {@value Problems#KEPT} problems.
 *
 * <p>Instances are immutable: UTF-8 and no size cap by default.
 *
 * @since 0.1
 */
public final class CsvReader {

    /** Longer cells are refused: no field of these formats needs more. */
    public static final int MAX_CELL = 100_000;
    /** The most characters a row and the row before it may have together. */
    public static final int MAX_ROW_CHARS = 1 << 20;

    private static final Pattern POSITION = Pattern.compile("position: ([\\d,.\u00a0\u202f ]+)");

    private final TableSpec spec;
    private final Charset charset;
    private final long maxBytes;
    /** The cells' separator, or 0 to tell comma from semicolon by the header. */
    private final char forcedDelimiter;

    private CsvReader(TableSpec spec, Charset charset, long maxBytes, char forcedDelimiter) {
        this.spec = spec;
        this.charset = charset;
        this.maxBytes = maxBytes;
        this.forcedDelimiter = forcedDelimiter;
    }

    /**
     * A reader of UTF-8 files of this shape, of any size.
     *
     * @param spec the columns
     * @return the reader
     */
    public static CsvReader of(TableSpec spec) {
        return new CsvReader(Objects.requireNonNull(spec, "spec"), StandardCharsets.UTF_8, Long.MAX_VALUE, (char) 0);
    }

    /**
     * A reader of files in this character set, such as {@code windows-1252} for files saved by Excel.
     *
     * @param charset the character set
     * @return a new reader
     */
    public CsvReader withCharset(Charset charset) {
        return new CsvReader(spec, Objects.requireNonNull(charset, "charset"), maxBytes, forcedDelimiter);
    }

    /**
     * A reader that refuses files of more than this many bytes, for formats whose rows are kept in memory.
     *
     * @param bytes the cap, positive
     * @return a new reader
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public CsvReader withMaxBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("Size cap is not positive: " + bytes);
        }
        return new CsvReader(spec, charset, bytes, forcedDelimiter);
    }

    /**
     * The same reader with a fixed separator — a tab for Eurostat's TSV — instead of telling comma from semicolon
     * by the header.
     *
     * @param delimiter the separator
     * @return the reader
     * @throws IllegalArgumentException if the separator is a quote, a line break or a letter or digit
     */
    public CsvReader withDelimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || Character.isLetterOrDigit(delimiter)) {
            throw new IllegalArgumentException("Not a cell separator: '" + delimiter + "'");
        }
        return new CsvReader(spec, charset, maxBytes, delimiter);
    }

    /**
     * Reads a file and keeps its good-shaped rows.
     *
     * @param source the file
     * @param problems where problems go
     * @return the file's header and rows
     * @throws IOException if the source cannot be opened or read (not for what is wrong in it: that is in
     *         {@code problems})
     */
    public CsvFile readAll(InputSource source, Problems problems) throws IOException {
        List<Row> rows = new ArrayList<>();
        CsvFile file = read(source, problems, rows::add);
        return new CsvFile(file.file(), file.header(), file.complete(), file.droppedKeys(), file.rowCount(), rows);
    }

    /**
     * Reads a file, handing each good-shaped row to {@code rows} as it is read.
     *
     * @param source the file
     * @param problems where problems go
     * @param rows takes each row
     * @return the file's header, with no rows
     * @throws IOException if the source cannot be opened or read (not for what is wrong in it: that is in
     *         {@code problems})
     */
    public CsvFile read(InputSource source, Problems problems, Consumer<Row> rows) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(rows, "rows");
        Read read = new Read(source.name(), problems, rows);
        try (InputStream in = source.opener().open();
                TextReader text = new TextReader(in, charset, maxBytes, MAX_ROW_CHARS)) {
            read.run(text);
        }
        return read.result();
    }

    /** Semicolon when the header has more semicolons than commas outside quotes, comma otherwise. */
    static char delimiter(CharSequence text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (started) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
            started |= !Character.isWhitespace(c);
        }
        return semicolons > commas ? ';' : ',';
    }

    /** One read of one file. */
    private final class Read {
        private final String file;
        private final Problems problems;
        private final Consumer<Row> sink;
        private final Set<String> dropped = new HashSet<>();
        private List<String> header;
        private Map<String, Integer> columns;
        private boolean headerOk;
        private boolean broken;
        private long rowCount;
        private char delimiter = ',';
        /** The start offset and line of the last row returned, from where a failure is placed. */
        private long lastRowStart;
        private long lastRowLine = 1;

        Read(String file, Problems problems, Consumer<Row> sink) {
            this.file = file;
            this.problems = problems;
            this.sink = sink;
        }

        void run(TextReader text) throws IOException {
            try {
                delimiter = forcedDelimiter != 0 ? forcedDelimiter : delimiter(text.lookahead(MAX_ROW_CHARS));
                CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
                CSVParser parser = CSVParser.builder().setReader(text).setFormat(format).get();
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    // Blank lines come as records (empty lines are not ignored by the parser), so the line after
                    // the last one read is where the next record begins, whatever ends lines in the file.
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    lastRowStart = record.getCharacterPosition();
                    lastRowLine = line;
                    text.keepFrom(lastRowStart);
                    take(line, record.values());
                }
            } catch (UncheckedIOException e) {
                fail(e.getCause(), text);
            } catch (IOException e) {
                fail(e, text);
            }
            if (header == null && !broken) {
                problems.add(file, 1, 0, "", "", "file is empty; expected a header row"
                        + (spec.required().isEmpty() ? "" : " with the columns " + String.join(", ", spec.required())));
            } else if (headerOk && !broken && rowCount == 0 && !spec.mayBeEmpty()) {
                problems.add(file, 0, 0, "", "", "file has a header but no data rows");
            }
        }

        CsvFile result() {
            return new CsvFile(file, header == null ? List.of() : header, headerOk && !broken, dropped, rowCount,
                    List.of());
        }

        private void take(long line, String[] cells) {
            if (isBlank(cells)) {
                return;
            }
            if (header == null) {
                header(line, cells);
                return;
            }
            if (!headerOk) {
                return; // the rest is still parsed, for problems of shape anywhere in the file
            }
            if (cells.length != header.size()) {
                // Placed at the first cell missing, or the first one too many.
                int cell = Math.min(cells.length, header.size()) + 1;
                problems.add(file, line, cell, columnName(cell), cells.length > header.size() ? cells[header.size()] : "",
                        String.format(Locale.ROOT,
                        "row has %d cells but the header has %d columns (a decimal comma in a %s-separated file must"
                                + " be quoted)", cells.length, header.size(),
                                delimiter == ';' ? "semicolon" : delimiter == '\t' ? "tab" : "comma"));
                dropped.add(cells[0].strip());
                return;
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].length() > MAX_CELL) {
                    problems.add(file, line, i + 1, header.get(i), cells[i], String.format(Locale.ROOT,
                            "cell is %,d characters long; the limit is %,d", cells[i].length(), MAX_CELL));
                    dropped.add(cells[0].strip());
                    return;
                }
            }
            rowCount++;
            sink.accept(new Row(file, line, columns, header, cells, problems));
        }

        private void header(long line, String[] cells) {
            List<String> names = new ArrayList<>(cells.length);
            Map<String, Integer> index = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < cells.length; i++) {
                String name = cells[i].strip();
                names.add(name.length() > MAX_CELL ? name.substring(0, 80) : name);
                String key = spec.key(name);
                if (name.length() > MAX_CELL) {
                    problems.add(file, line, i + 1, "", name, "header cell is longer than " + MAX_CELL + " characters");
                    ok = false;
                } else if (name.isEmpty()) {
                    problems.add(file, line, i + 1, "", "", "column has no name; every header cell needs one");
                    ok = false;
                } else if (spec.isClosed() && !spec.columns().contains(key)) {
                    problems.add(file, line, i + 1, name, name, "unknown column; the columns are "
                            + String.join(", ", spec.columns()));
                    ok = false;
                } else if (index.putIfAbsent(key, i) != null) {
                    problems.add(file, line, i + 1, name, name, "column repeats column " + (index.get(key) + 1));
                    ok = false;
                }
            }
            String separator = names.size() == 1 && forcedDelimiter == 0 ? otherSeparator(names.get(0)) : null;
            if (separator != null && (!spec.required().isEmpty() || !spec.oneOf().isEmpty())) {
                // One cell where several columns are needed: the file's separator is not one this format takes,
                // which is the problem to name, not each column it hides.
                problems.add(file, line, 1, "", names.get(0), "the header is separated by " + separator
                        + ", not commas or semicolons: save the file as CSV with commas or semicolons");
                header = List.copyOf(names);
                columns = Map.copyOf(index);
                headerOk = false;
                return;
            }
            for (String required : spec.required()) {
                if (!index.containsKey(required)) {
                    problems.add(file, line, 0, "", "", "missing required column '" + required + "'"
                            + (spec.isClosed() ? "" : "; the header is " + shortList(names)));
                    ok = false;
                }
            }
            for (List<String> alternatives : spec.oneOf()) {
                if (alternatives.stream().noneMatch(index::containsKey)) {
                    problems.add(file, line, 0, "", "", "missing column: one of " + String.join(", ", alternatives));
                    ok = false;
                }
            }
            header = List.copyOf(names);
            columns = Map.copyOf(index);
            headerOk = ok;
        }

        /** Turns a failure of the text or of the parser into a problem placed by line and cell. */
        private void fail(Throwable e, TextReader text) throws IOException {
            broken = true;
            long end = text.windowStart() + text.window().length();
            if (e instanceof TextReader.Failure failure) {
                switch (failure.kind) {
                    case TOO_LARGE -> problems.add(file, 0, 0, "", "", String.format(Locale.ROOT,
                            "file is larger than %,d bytes, the most this format reads", failure.byteOffset));
                    case ROW_TOO_LONG -> {
                        // Placed at the character that crossed the limit.
                        Place place = place(text, lastRowStart + MAX_ROW_CHARS);
                        problems.add(file, place.rowLine, place.cell, columnName(place.cell), "",
                                String.format(Locale.ROOT, "row is longer than %,d characters (with the row before"
                                        + " it), in this cell; a cell may have at most %,d", MAX_ROW_CHARS, MAX_CELL));
                    }
                    case MALFORMED -> {
                        Place place = place(text, end);
                        String hint = charset.equals(StandardCharsets.UTF_8)
                                ? "; a file saved by Excel on Windows is usually Windows-1252: read it with the"
                                        + " character set windows-1252"
                                : "";
                        problems.add(file, place.line, place.cell, columnName(place.cell),
                                String.format(Locale.ROOT, "byte 0x%02X at offset %d", failure.byteValue,
                                        failure.byteOffset),
                                "not valid " + charset.name() + " text" + hint);
                    }
                    default -> throw new IllegalStateException(failure.kind.name());
                }
            } else if (e instanceof CSVException) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("EOF reached before encapsulated token finished")) {
                    Place place = place(text, end);
                    problems.add(file, place.quoteLine, place.quoteCell, columnName(place.quoteCell), "",
                            "unterminated quoted cell: the quote that opens this cell is never closed");
                } else if (message.contains("between encapsulated token and delimiter")) {
                    long at = position(message, end);
                    Place place = place(text, at - 1);
                    if (place.quoteLine < place.line) {
                        // A quoted cell that ran over line breaks and then broke: a quote left open on an earlier
                        // line swallowed the lines up to the next quote, so the place to look is where it opened.
                        problems.add(file, place.quoteLine, place.quoteCell, columnName(place.quoteCell), "",
                                String.format(Locale.ROOT, "unterminated quote opened at line %d, column %d: the"
                                        + " quoted cell runs on to line %d, where a quote ends it and text follows",
                                        place.quoteLine, place.quoteCell, place.line));
                    } else {
                        problems.add(file, place.line, place.cell, columnName(place.cell), "",
                                "text after a closing quote: a quoted cell must end at the delimiter (write \"\" for"
                                        + " a quote inside it)");
                    }
                } else {
                    Place place = place(text, end);
                    problems.add(file, place.line, place.cell, columnName(place.cell), "",
                            "cannot be read as CSV: " + message);
                }
            } else if (e instanceof IOException io) {
                throw io;
            } else {
                throw new IOException(e);
            }
        }

        /** Where the character at {@code offset} falls, scanning from the start of the last row returned. */
        private Place place(TextReader text, long offset) {
            int from = (int) (lastRowStart - text.windowStart());
            int to = (int) Math.max(from, Math.min(offset - text.windowStart(), text.window().length()));
            return Place.of(text.window(), from, to, lastRowLine, delimiter);
        }

        private String columnName(int cell) {
            return header != null && cell >= 1 && cell <= header.size() ? header.get(cell - 1) : "";
        }
    }

    private static long position(String message, long fallback) {
        Matcher m = POSITION.matcher(message);
        return m.find() ? Long.parseLong(m.group(1).replaceAll("\\D", "")) : fallback;
    }

    /** The name of a separator other than comma and semicolon in a header cell, or null if there is none. */
    private static String otherSeparator(String cell) {
        return cell.indexOf('\t') >= 0 ? "tabs" : cell.indexOf('|') >= 0 ? "pipes (|)" : null;
    }

    private static String shortList(List<String> names) {
        return names.size() <= 20 ? names.toString()
                : names.subList(0, 20).toString().replace("]", ", … (" + names.size() + " columns)]");
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a character falls in the file: its line, its cell, the line its row begins on, and where the quote
     * still open there began. Found by scanning from the start of a row as RFC 4180 splits a file; used only to
     * place a failure the parser reports without a place.
     */
    private record Place(long line, int cell, long rowLine, long quoteLine, int quoteCell) {

        static Place of(CharSequence text, int from, int stop, long startLine, char delimiter) {
            long line = startLine;
            long rowLine = startLine;
            int cell = 1;
            boolean quoted = false;
            boolean cellStart = true;
            long quoteLine = startLine;
            int quoteCell = 1;
            for (int i = from; i < stop; i++) {
                char c = text.charAt(i);
                boolean lineBreak = c == '\n' || c == '\r';
                if (lineBreak) {
                    if (c == '\r' && i + 1 < stop && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                }
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < stop && text.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            quoted = false;
                        }
                    }
                } else if (c == '"' && cellStart) {
                    quoted = true;
                    quoteLine = line;
                    quoteCell = cell;
                    cellStart = false;
                } else if (c == delimiter) {
                    cell++;
                    cellStart = true;
                } else if (lineBreak) {
                    cell = 1;
                    cellStart = true;
                    rowLine = line;
                } else {
                    cellStart = false;
                }
            }
            return new Place(line, cell, rowLine, quoteLine, quoteCell);
        }
    }
}

package org.smesurvey.stats.survey;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smesurvey.core.io.CsvReader;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Numbers;
import org.smesurvey.core.io.Problems;
import org.smesurvey.core.io.Row;
import org.smesurvey.core.io.TableSpec;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads respondent-level survey data — one row per respondent — from a CSV file or a Tablesaw table, through the
 * library's one input layer ({@link org.smesurvey.core.io}): every problem (missing column, ragged row, a weight
 * that is not a number, an answer that is not yes or no) is reported with its file, line, column and value, all at
 * once, and nothing is half-read. Other columns of the file are ignored.
 *
 * <pre>{@code
 * Respondents data = RespondentReader.builder().weight("weight").strata("stratum").clusters("psu")
 *         .answers("external").categories("country", "band").build().read(Path.of("respondents.csv"));
 * SurveyEstimator.of(data.design()).proportionBy(data.answers("external"), data.categories("country"));
 * }</pre>
 *
 * <p>Answers are read as yes for {@code 1}, {@code yes}, {@code true}, {@code oui} and as no for {@code 0},
 * {@code no}, {@code false}, {@code non}, in any case; an empty cell or {@code NA} is a missing answer, kept as
 * such ({@link Answers}) and left out of estimates as R's survey leaves it out with {@code na.rm = TRUE}. A weight
 * is a decimal number, 0 or more: a respondent with weight 0 stays in the design, as in survey; a negative weight
 * (left by GREG calibration) is a problem unless {@linkplain Builder#allowNegativeWeights() allowed}. The file is
 * UTF-8 unless {@linkplain Builder#charset(Charset) told otherwise}, comma- or semicolon-separated, with a header
 * row.
 *
 * @since 0.1
 */
public final class RespondentReader {

    private static final String WHAT = "the respondent data";

    private final String weight;
    private final Optional<String> strata;
    private final Optional<String> clusters;
    private final Optional<String> fpc;
    private final List<String> answers;
    private final List<String> categories;
    private final List<String> numbers;
    private final LonelyPsu lonelyPsu;
    private final boolean negativeWeights;
    private final Charset charset;

    private RespondentReader(Builder b) {
        this.weight = b.weight;
        this.strata = Optional.ofNullable(b.strata);
        this.clusters = Optional.ofNullable(b.clusters);
        this.fpc = Optional.ofNullable(b.fpc);
        this.answers = List.copyOf(b.answers);
        this.categories = List.copyOf(b.categories);
        this.numbers = List.copyOf(b.numbers);
        this.lonelyPsu = b.lonelyPsu;
        this.negativeWeights = b.negativeWeights;
        this.charset = b.charset;
    }

    /**
     * A reader to configure.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a CSV file, or an Arrow IPC file (Feather version 2) when the file starts with Arrow's magic bytes:
     * a columnar file is read without parsing text, about ten times faster than the same rows as CSV (see
     * {@link #convertToArrow(Path, Path)}). Its rows are counted as lines from 2, as if it had a header line, and
     * its numeric columns (integers, floating point, booleans) are read as numbers — an answer 1 or 0, missing when
     * null. Reading Arrow needs Arrow's Java library on the class path — {@code org.apache.arrow:arrow-vector},
     * {@code arrow-memory-unsafe} and {@code arrow-compression} (optional dependencies of this module, their
     * version in its BOM) — and, on Java 17 and later, {@code --add-opens=java.base/java.nio=ALL-UNNAMED}.
     *
     * @param file the file
     * @return the respondents
     * @throws InputFormatException listing the problems, if the file is not as configured, has two columns of the
     *         same name, or looks like Arrow but is not an IPC file (Feather version 1, Arrow's stream format, a
     *         magic missing at either end): "not an Arrow IPC (Feather V2) file", with what it looks like; or is
     *         an Arrow file damaged inside: "not a readable Arrow IPC file"
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException if the file is an Arrow file and Arrow's library is missing or cannot start
     */
    public Respondents read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Problems problems = new Problems();
        notArrow(file, problems);
        problems.throwIfAny(WHAT);
        if (!isArrow(file)) {
            return read(InputSource.of(file));
        }
        Columns columns = new Columns(problems);
        arrow(file, () -> ArrowFile.read(file, columns.wanted, problems, columns::row));
        return columns.respondents(file.toString());
    }

    /**
     * Reads a CSV file as {@link #read(Path)} does and writes the columns this reader reads to an Arrow IPC file,
     * uncompressed, text columns dictionary-encoded: convert once, then read the Arrow file each time. Nothing is
     * written if the CSV file has problems.
     *
     * @param csv the CSV file
     * @param arrow the Arrow file written (replaced if it exists)
     * @throws InputFormatException listing the problems, if the CSV file is not as configured
     * @throws IOException if a file cannot be read or written
     * @throws IllegalStateException if Arrow's library is missing or cannot start (see {@link #read(Path)})
     */
    public void convertToArrow(Path csv, Path arrow) throws IOException {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(arrow, "arrow");
        InputSource source = InputSource.of(csv);
        Problems problems = new Problems();
        Columns columns = readCsv(source, problems);
        Read read = columns.finish(source.name());
        arrow(arrow, () -> ArrowFile.write(arrow, weight, fpc.orElse(null), read));
    }

    private static final byte[] ARROW_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] FEATHER_V1_MAGIC = "FEA1".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] STREAM_MARKER = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /**
     * Reports a file that looks like Arrow but is not the IPC file format, before anything reads it: Feather
     * version 1 (magic {@code FEA1}, which Arrow's Java library does not read), Arrow's stream format (it starts
     * with the continuation marker 0xFFFFFFFF, and has no footer to read it by), and a file whose magic is wrong at
     * either end (damaged, cut short or still being written). Read as CSV, such files would fail on some byte that
     * is not UTF-8, saying nothing of what they are.
     */
    private static void notArrow(Path file, Problems problems) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return;
        }
        byte[] head;
        byte[] tail = new byte[0];
        try (java.nio.channels.SeekableByteChannel in = java.nio.file.Files.newByteChannel(file)) {
            long size = in.size();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(8, size));
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // reads the first bytes
            }
            head = Arrays.copyOf(buffer.array(), buffer.position());
            if (size >= 2L * ARROW_MAGIC.length) {
                in.position(size - ARROW_MAGIC.length);
                java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(ARROW_MAGIC.length);
                while (end.hasRemaining() && in.read(end) >= 0) {
                    // reads the last bytes
                }
                tail = Arrays.copyOf(end.array(), end.position());
            }
        }
        String what = notArrowIpc(head, tail);
        if (what != null) {
            problems.add(file.toString(), 0, 0, "", firstBytes(head), "not an Arrow IPC (Feather V2) file: " + what);
        }
    }

    /**
     * Why a file that looks like Arrow cannot be read as an Arrow IPC file, or null if it can or does not look like
     * Arrow (text, read as CSV).
     *
     * @param head its first 8 bytes, or fewer if it is shorter
     * @param tail its last 6 bytes, empty if it is shorter than 12 bytes
     */
    private static String notArrowIpc(byte[] head, byte[] tail) {
        if (startsWith(head, ARROW_MAGIC)) {
            return Arrays.equals(tail, ARROW_MAGIC) ? null : "it starts with Arrow's magic ARROW1 but does not end"
                    + " with it, as an IPC file does: it is cut short, damaged or still being written";
        } else if (startsWith(head, FEATHER_V1_MAGIC)) {
            return "it starts with FEA1, the magic of Feather version 1, which Arrow's Java library does not read;"
                    + " write it as Feather version 2 (R: arrow::write_feather(x, version = 2); Python:"
                    + " pyarrow.feather.write_feather(df, path, version=2))";
        } else if (startsWith(head, STREAM_MARKER)) {
            return "it starts with the continuation marker 0xFFFFFFFF of Arrow's stream format, which has no footer"
                    + " to read it by; write it in the IPC file format (R: arrow::write_feather or write_ipc_file;"
                    + " Python: pyarrow.feather.write_feather or pyarrow.ipc.new_file)";
        } else if (Arrays.equals(tail, ARROW_MAGIC)) {
            return "it ends with Arrow's magic ARROW1 but does not start with it, as an IPC file does: it is damaged";
        }
        return null;
    }

    private static String firstBytes(byte[] head) {
        StringBuilder bytes = new StringBuilder("first bytes");
        for (byte b : head) {
            bytes.append(String.format(Locale.ROOT, " %02X", b & 0xFF));
        }
        return bytes.toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isArrow(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false; // InputSource reports a missing file as it does for CSV
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ARROW_MAGIC.length), ARROW_MAGIC);
        }
    }

    /** Arrow's work, with its missing jars or its closed memory module explained. */
    private interface ArrowWork {
        void run() throws IOException;
    }

    private static void arrow(Path file, ArrowWork work) throws IOException {
        try {
            work.run();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(file + " is an Arrow IPC file: reading or writing it needs Arrow's Java"
                    + " library on the class path (org.apache.arrow:arrow-vector, arrow-memory-unsafe and"
                    + " arrow-compression, optional dependencies of smesurvey-stats; on the module path also"
                    + " --add-modules org.apache.arrow.vector,org.apache.arrow.memory.unsafe,"
                    + "org.apache.arrow.compression); missing: " + e.getMessage(), e);
        } catch (RuntimeException | ExceptionInInitializerError e) {
            if (closedMemory(e)) {
                throw new IllegalStateException("Arrow's memory layer cannot start for " + file + ": run Java with"
                        + " --add-opens=java.base/java.nio=ALL-UNNAMED (Arrow's own requirement on Java 17 and"
                        + " later; on the module path --add-opens=java.base/java.nio=org.apache.arrow.memory.core)",
                        e);
            }
            throw e;
        }
    }

    /** Whether Arrow failed because java.nio is not opened to it (its messages name the flag or the buffer). */
    static boolean closedMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("add-opens") || message.contains("DirectByteBuffer")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a CSV source. Arrow is read from a path ({@link #read(Path)}): a source whose bytes are Arrow's is
     * refused before anything parses it, saying what it is.
     *
     * @param source the source
     * @return the respondents
     * @throws InputFormatException listing the problems, if the file is not as configured, or is Arrow: an IPC
     *         file ("not CSV: it is an Arrow IPC file, which this reader reads from its path"), Feather version 1
     *         or Arrow's stream format ("not an Arrow IPC (Feather V2) file", with what it is)
     * @throws IOException if the source cannot be read
     */
    public Respondents read(InputSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        byte[] head;
        try (java.io.InputStream in = source.opener().open()) {
            head = in.readNBytes(8);
        }
        // Arrow is read from a file (its footer is at the end); here its bytes would fail as some byte that is not
        // UTF-8, saying nothing of what the source is.
        String what = startsWith(head, ARROW_MAGIC) ? "it is an Arrow IPC file, which this reader reads from its"
                + " path (read(Path)), not from a source of bytes" : notArrowIpc(head, new byte[0]);
        if (what != null) {
            Problems problems = new Problems();
            problems.add(source.name(), 0, 0, "", firstBytes(head), (startsWith(head, ARROW_MAGIC) ? "not CSV: "
                    : "not an Arrow IPC (Feather V2) file: ") + what);
            problems.throwIfAny(WHAT);
        }
        return readCsv(source, new Problems()).respondents(source.name());
    }

    private Columns readCsv(InputSource source, Problems problems) throws IOException {
        Columns columns = new Columns(problems);
        List<String> wanted = columns.wanted;
        CsvReader.of(TableSpec.open(wanted)).withCharset(charset).read(source, problems, row -> columns.row(row.line(),
                new Cells() {
                    @Override
                    public String text(int column) {
                        return row.text(wanted.get(column));
                    }

                    @Override
                    public void fail(int column, String value, String message) {
                        row.fail(wanted.get(column), value, message);
                    }
                }));
        return columns;
    }

    /**
     * Reads a Tablesaw table; its rows are counted as lines from 2, as if it had been a CSV file with a header.
     *
     * @param table the table
     * @return the respondents
     * @throws InputFormatException listing the problems, if the table is not as configured
     */
    public Respondents read(Table table) throws InputFormatException {
        Objects.requireNonNull(table, "table");
        String name = table.name() == null ? "table" : table.name();
        Problems problems = new Problems();
        List<String> names = table.columnNames();
        for (String column : wanted()) {
            if (!names.contains(column)) {
                problems.add(name, 1, 0, "", "", "missing required column '" + column + "'; the columns are " + names);
            }
        }
        problems.throwIfAny(WHAT);
        Columns columns = new Columns(problems);
        List<String> wanted = columns.wanted;
        List<Column<?>> all = table.columns();
        int[] index = wanted.stream().mapToInt(table::columnIndex).toArray();
        for (int r = 0; r < table.rowCount(); r++) {
            int row = r;
            long line = r + 2L;
            columns.row(line, new Cells() {
                @Override
                public String text(int column) {
                    Column<?> c = all.get(index[column]);
                    return c.isMissing(row) ? "" : c.getString(row).strip();
                }

                @Override
                public void fail(int column, String value, String message) {
                    problems.add(name, line, index[column] + 1, wanted.get(column), value, message);
                }
            });
        }
        return columns.respondents(name);
    }

    private List<String> wanted() {
        List<String> wanted = new ArrayList<>(List.of(weight));
        strata.ifPresent(wanted::add);
        clusters.ifPresent(wanted::add);
        fpc.ifPresent(wanted::add);
        wanted.addAll(answers);
        wanted.addAll(categories);
        wanted.addAll(numbers);
        return wanted;
    }

    /**
     * One row's cells, from a CSV row, a table or an Arrow record batch; a column is named by its position in the
     * reader's {@link #wanted()} columns (resolved once by each source, not looked up per cell).
     */
    interface Cells {
        /** The cell as text, empty when missing (a number's decimal form in a numeric column). */
        String text(int column);

        void fail(int column, String value, String message);

        /** Whether the column holds numbers (a columnar file's), read by {@link #number} rather than parsed. */
        default boolean numeric(int column) {
            return false;
        }

        /** The cell of a numeric column: its number, NaN when missing. */
        default double number(int column) {
            throw new UnsupportedOperationException("column " + column);
        }

        /**
         * For a dictionary-encoded column (Arrow's), the cell's index in its dictionary; −1 when the cell is
         * missing or the column is not encoded.
         */
        default int entry(int column) {
            return -1;
        }

        /** The dictionary {@link #entry} indexes: the same object for as long as its indices mean the same labels. */
        default Object dictionary(int column) {
            return null;
        }
    }

    /** A cell as a finite number: read from a numeric column, parsed from text otherwise (the same messages). */
    private static double finite(Cells cells, int column) {
        if (cells.numeric(column)) {
            double value = cells.number(column);
            if (Double.isFinite(value)) {
                return value;
            }
        }
        return Numbers.finite(cells.text(column));
    }

    /** The columns being read, grown as rows come. */
    private final class Columns {
        private final Problems problems;
        private double[] weights = new double[1024];
        private double[] fpcValues = fpc.isPresent() ? new double[1024] : null;
        /**
         * Text columns coded as read: a file of millions of rows repeats a few hundred strata, units and
         * categories, so each row keeps its label's number and each column its labels once, in order of first
         * appearance.
         */
        /** The reader's columns; every other index into a row is a position in this list. */
        private final List<String> wanted = wanted();
        private final int fpcColumn = fpc.map(wanted::indexOf).orElse(-1);
        private final String[] textColumns;
        private final int[] textPositions;
        private final int[][] codes;
        private final List<Map<String, Integer>> labels = new ArrayList<>();
        /** Per text column, a dictionary's entries translated to codes (−1: not yet seen), and that dictionary. */
        private final int[][] entryCodes;
        private final Object[] dictionaries;
        // Arrays by position (the reader's answers and numbers in order), not maps: a hundred million rows make
        // every lookup per cell count.
        private final String[] answerColumns = answers.toArray(String[]::new);
        private final int[] answerPositions = answers.stream().mapToInt(wanted::indexOf).toArray();
        private final boolean[][] yes = new boolean[answerColumns.length][1024];
        private final boolean[][] answered = new boolean[answerColumns.length][1024];
        private final String[] numberColumns = numbers.toArray(String[]::new);
        private final int[] numberPositions = numbers.stream().mapToInt(wanted::indexOf).toArray();
        private final double[][] values = new double[numberColumns.length][1024];
        private int n;

        Columns(Problems problems) {
            this.problems = problems;
            java.util.LinkedHashSet<String> text = new java.util.LinkedHashSet<>();
            strata.ifPresent(text::add);
            clusters.ifPresent(text::add);
            text.addAll(categories);
            textColumns = text.toArray(String[]::new);
            textPositions = text.stream().mapToInt(wanted::indexOf).toArray();
            codes = new int[textColumns.length][1024];
            entryCodes = new int[textColumns.length][];
            dictionaries = new Object[textColumns.length];
            for (int k = 0; k < textColumns.length; k++) {
                labels.add(new LinkedHashMap<>());
            }
        }

        void row(long line, Cells cells) {
            if (n == weights.length) {
                grow();
            }
            weights[n] = weight(cells);
            if (fpcValues != null) {
                fpcValues[n] = fpc(cells, fpcColumn);
            }
            for (int k = 0; k < textColumns.length; k++) {
                int column = textPositions[k];
                int entry = cells.entry(column);
                if (entry >= 0) {
                    // a dictionary-encoded column: each entry's label is looked up once, not once per row
                    int[] translated = translation(k, cells.dictionary(column), entry);
                    int code = translated[entry];
                    if (code < 0) {
                        code = code(k, cells, column);
                        if (!cells.text(column).isEmpty()) { // an empty label stays a problem on every row
                            translated[entry] = code;
                        }
                    }
                    codes[k][n] = code;
                } else {
                    codes[k][n] = code(k, cells, column);
                }
            }
            for (int a = 0; a < answerColumns.length; a++) {
                int column = answerPositions[a];
                if (cells.numeric(column)) {
                    double value = cells.number(column);
                    if (value == 1 || value == 0) {
                        yes[a][n] = value == 1;
                        answered[a][n] = true;
                    } else if (!Double.isNaN(value)) {
                        cells.fail(column, cells.text(column), "is not an answer: expected 1 or 0, or missing");
                    }
                    continue;
                }
                String value = cells.text(column).toLowerCase(Locale.ROOT);
                switch (value) {
                    case "1", "yes", "true", "oui" -> {
                        yes[a][n] = true;
                        answered[a][n] = true;
                    }
                    case "0", "no", "false", "non" -> answered[a][n] = true;
                    case "", "na" -> answered[a][n] = false;
                    default -> cells.fail(column, value, "is not an answer: expected 1 or 0 (yes/no, true/false,"
                            + " oui/non), or empty or NA if missing");
                }
            }
            for (int c = 0; c < numberColumns.length; c++) {
                int column = numberPositions[c];
                try {
                    values[c][n] = finite(cells, column);
                } catch (IllegalArgumentException e) {
                    String value = cells.text(column);
                    cells.fail(column, value, value.isEmpty() ? "is empty; expected a number (numeric columns have no"
                            + " missing values: leave the respondent out, or read the column as categories)"
                            : "is not a number: " + e.getMessage());
                }
            }
            n++;
        }

        /** Text column k's label code, numbered in order of first appearance (an empty label is a problem). */
        private int code(int k, Cells cells, int column) {
            String value = cells.text(column);
            if (value.isEmpty()) {
                cells.fail(column, "", "is empty; expected a label");
            }
            Map<String, Integer> known = labels.get(k);
            Integer code = known.get(value);
            if (code == null) {
                code = known.size();
                known.put(value, code);
            }
            return code;
        }

        /** Text column k's translation of its dictionary's entries, reset for a new dictionary, grown to hold entry. */
        private int[] translation(int k, Object dictionary, int entry) {
            if (dictionaries[k] != dictionary || entryCodes[k] == null) {
                dictionaries[k] = dictionary;
                entryCodes[k] = new int[Math.max(16, entry + 1)];
                Arrays.fill(entryCodes[k], -1);
            } else if (entry >= entryCodes[k].length) {
                int old = entryCodes[k].length;
                entryCodes[k] = Arrays.copyOf(entryCodes[k], Math.max(2 * old, entry + 1));
                Arrays.fill(entryCodes[k], old, entryCodes[k].length, -1);
            }
            return entryCodes[k];
        }

        private void grow() {
            int size = (int) Math.min(2L * n, Integer.MAX_VALUE - 8);
            if (size == n) {
                throw new IllegalStateException("A design holds at most " + n + " respondents");
            }
            weights = Arrays.copyOf(weights, size);
            if (fpcValues != null) {
                fpcValues = Arrays.copyOf(fpcValues, size);
            }
            for (int k = 0; k < codes.length; k++) {
                codes[k] = Arrays.copyOf(codes[k], size);
            }
            for (int a = 0; a < yes.length; a++) {
                yes[a] = Arrays.copyOf(yes[a], size);
                answered[a] = Arrays.copyOf(answered[a], size);
            }
            for (int c = 0; c < values.length; c++) {
                values[c] = Arrays.copyOf(values[c], size);
            }
        }

        private double weight(Cells cells) {
            int column = 0; // the weight is the first column wanted
            try {
                double value = finite(cells, column);
                if (value >= 0 || negativeWeights) {
                    return value;
                }
                cells.fail(column, cells.text(column), "is a negative weight; a file calibrated by GREG may have some:"
                        + " read it with allowNegativeWeights()");
            } catch (IllegalArgumentException e) {
                cells.fail(column, cells.text(column), "is not a weight: " + e.getMessage());
            }
            return Double.NaN;
        }

        private double fpc(Cells cells, int column) {
            try {
                double value = finite(cells, column);
                if (value > 0) {
                    return value;
                }
                cells.fail(column, cells.text(column), "is not a finite population correction: expected a positive"
                        + " number");
            } catch (IllegalArgumentException e) {
                cells.fail(column, cells.text(column), "is not a finite population correction: " + e.getMessage());
            }
            return Double.NaN;
        }

        /** The columns read, trimmed to the respondents: what a {@link Respondents} and an Arrow file are made of. */
        Read finish(String file) throws InputFormatException {
            if (n == 0 && problems.isEmpty()) {
                problems.add(file, 0, 0, "", "", "has no respondent");
            }
            problems.throwIfAny(WHAT);
            // Each array is trimmed to n and the reader's copy dropped before the next: the peak stays near the
            // data's own size.
            weights = Arrays.copyOf(weights, n);
            Map<String, Coding> coded = new LinkedHashMap<>();
            for (int k = 0; k < textColumns.length; k++) {
                int[] trimmed = Arrays.copyOf(codes[k], n);
                codes[k] = null;
                coded.put(textColumns[k], Coding.sorted(new ArrayList<>(labels.get(k).keySet()), trimmed));
            }
            Map<String, Answers> answerMap = new LinkedHashMap<>();
            for (int a = 0; a < answerColumns.length; a++) {
                boolean[] yesTrimmed = Arrays.copyOf(yes[a], n);
                yes[a] = null;
                boolean[] answeredTrimmed = Arrays.copyOf(answered[a], n);
                answered[a] = null;
                answerMap.put(answerColumns[a], Answers.of(yesTrimmed, answeredTrimmed));
            }
            Map<String, double[]> numberMap = new LinkedHashMap<>();
            for (int c = 0; c < numberColumns.length; c++) {
                numberMap.put(numberColumns[c], Arrays.copyOf(values[c], n));
            }
            return new Read(weights, fpcValues == null ? null : Arrays.copyOf(fpcValues, n), coded, answerMap,
                    numberMap);
        }

        Respondents respondents(String file) throws InputFormatException {
            Read read = finish(file);
            SurveyDesign.Builder design = SurveyDesign.builderOwning(read.weights(),
                    strata.map(read.text()::get).orElse(null), clusters.map(read.text()::get).orElse(null))
                    .lonelyPsu(lonelyPsu);
            if (negativeWeights) {
                design.allowNegativeWeights();
            }
            if (read.fpc() != null) {
                design.fpc(read.fpc());
            }
            Map<String, Coding> categoryColumns = new LinkedHashMap<>();
            categories.forEach(c -> categoryColumns.put(c, read.text().get(c)));
            try {
                return new Respondents(design.build(), read.answers(), categoryColumns, read.numbers());
            } catch (IllegalArgumentException e) {
                problems.add(file, 0, 0, "", "", e.getMessage());
                problems.throwIfAny(WHAT);
                throw e;
            }
        }
    }

    /** The columns read: weights, the correction (or null), the text columns coded, the answers and numbers. */
    record Read(double[] weights, double[] fpc, Map<String, Coding> text, Map<String, Answers> answers,
            Map<String, double[]> numbers) {
    }

    /**
     * Configures a {@link RespondentReader}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String weight;
        private String strata;
        private String clusters;
        private String fpc;
        private final List<String> answers = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private final List<String> numbers = new ArrayList<>();
        private LonelyPsu lonelyPsu = LonelyPsu.FAIL;
        private boolean negativeWeights;
        private Charset charset = StandardCharsets.UTF_8;

        private Builder() {
        }

        /**
         * Names the weight column (required).
         *
         * @param column the column
         * @return this builder
         */
        public Builder weight(String column) {
            this.weight = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the stratum column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder strata(String column) {
            this.strata = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the primary sampling unit column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder clusters(String column) {
            this.clusters = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the finite population correction column (see {@link SurveyDesign.Builder#fpc}).
         *
         * @param column the column
         * @return this builder
         */
        public Builder fpc(String column) {
            this.fpc = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names yes/no answer columns.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder answers(String... columns) {
            for (String column : Objects.requireNonNull(columns, "columns")) {
                answers.add(Objects.requireNonNull(column, "column"));
            }
            return this;
        }

        /**
         * Names categorical columns: domains (country, size band), calibration margins, cross-tabulated answers.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder categories(String... columns) {
            for (String column : Objects.requireNonNull(columns, "columns")) {
                categories.add(Objects.requireNonNull(column, "column"));
            }
            return this;
        }

        /**
         * Names numeric columns: a regression's covariates (employees, turnover), calibration variables, replicate
         * weights as delivered ({@link ReplicateDesign#fromWeights}). Each cell must be a finite decimal number;
         * these columns have no missing values.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder numbers(String... columns) {
            for (String column : Objects.requireNonNull(columns, "columns")) {
                numbers.add(Objects.requireNonNull(column, "column"));
            }
            return this;
        }

        /**
         * Sets the rule for strata with a single unit.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder lonelyPsu(LonelyPsu rule) {
            this.lonelyPsu = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Allows negative weights, as a file calibrated by GREG may have; a problem unless allowed.
         *
         * @return this builder
         */
        public Builder allowNegativeWeights() {
            this.negativeWeights = true;
            return this;
        }

        /**
         * Sets the character set of CSV files ({@code UTF-8} unless set), such as {@code windows-1252} for a file
         * saved by Excel on Windows.
         *
         * @param charset the character set
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws NullPointerException if no weight column is named
         */
        public RespondentReader build() {
            Objects.requireNonNull(weight, "weight column");
            return new RespondentReader(this);
        }
    }
}

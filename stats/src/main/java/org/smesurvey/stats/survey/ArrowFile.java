package org.smesurvey.stats.survey;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.smesurvey.core.io.Problems;

/**
 * Respondent data in Arrow's IPC file format (Feather version 2, what R's {@code arrow::write_feather}, pyarrow,
 * Polars and DuckDB write), read and written with Arrow's own Java library. Only this class touches Arrow, whose
 * jars are optional dependencies: {@link RespondentReader} loads it when a file starts with Arrow's magic bytes.
 *
 * <p>Reading: record batch by record batch, each row handed to the reader's columns as a CSV row is, so every rule
 * and message is the same; numeric columns (integers, floating point, booleans) are read as numbers without text,
 * dictionary-encoded text is decoded once per dictionary entry. Compressed files (LZ4 frame, ZSTD, the writers'
 * defaults) are read through arrow-compression.
 *
 * <p>Reference: Apache Arrow, <i>Arrow Columnar Format</i>, "IPC File Format" (arrow.apache.org/docs/format).
 */
final class ArrowFile {

    /** Rows per record batch written: large enough for the format's overhead to vanish, small in memory. */
    private static final int BATCH = 1 << 20;

    private ArrowFile() {
    }

    /** A column of a record batch, read by row. */
    private interface Column {
        boolean numeric();

        double number(int row);

        String text(int row);

        /** The row's index in the column's dictionary, −1 if missing or not dictionary-encoded. */
        default int entry(int row) {
            return -1;
        }

        /** The column's dictionary, or null. */
        default Object dictionary() {
            return null;
        }
    }

    /**
     * Hands every row of the file's wanted columns to {@code rows}, counting rows as lines from 2 (as if the file
     * had a header line); missing columns and columns of other types are problems, and nothing is read then.
     */
    static void read(Path file, List<String> wanted, Problems problems, RowConsumer rows) throws IOException {
        String name = file.toString();
        // Arrow allocates what a batch's metadata declares before it reads it: a damaged row count or length
        // would ask for gigabytes (or exabytes) for a file of kilobytes. Memory is capped at 256 MiB plus 256 times
        // the file (compressed buffers expand), beyond which Arrow refuses the allocation with its own exception,
        // a problem of the file below.
        long size = java.nio.file.Files.size(file);
        long limit = size > Long.MAX_VALUE / 512 ? Long.MAX_VALUE : (256L << 20) + 256 * size;
        try (BufferAllocator allocator = new RootAllocator(limit);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<String> names = new ArrayList<>();
            for (Field field : root.getSchema().getFields()) {
                names.add(field.getName());
            }
            for (int i = 0; i < names.size(); i++) {
                int first = names.indexOf(names.get(i));
                if (first < i) {
                    // Arrow allows it, but a column is read by its name: which one is meant cannot be told.
                    problems.add(name, 1, i + 1, names.get(i), names.get(i), "column repeats column " + (first + 1)
                            + " ('" + names.get(i) + "'); every column needs its own name");
                }
            }
            for (String column : wanted) {
                if (!names.contains(column)) {
                    problems.add(name, 1, 0, "", "", "missing required column '" + column + "'; the columns are "
                            + names);
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            long line = 1;
            while (reader.loadNextBatch()) {
                // A damaged row count or buffer length would have every row read past its buffers' ends: the
                // buffers are checked against the counts first (in time proportional to the columns, not rows).
                org.apache.arrow.vector.util.ValueVectorUtility.validate(root);
                Column[] columns = new Column[wanted.size()];
                for (int k = 0; k < columns.length; k++) {
                    String column = wanted.get(k);
                    Column c = column(root.getVector(column), reader);
                    if (c == null) {
                        problems.add(name, 1, names.indexOf(column) + 1, column, "", "is of Arrow type "
                                + root.getVector(column).getField().getType()
                                + "; expected numbers, booleans or text (plain or dictionary-encoded)");
                        return;
                    }
                    columns[k] = c;
                }
                BatchCells cells = new BatchCells(wanted.toArray(String[]::new), columns, names, problems, name);
                for (int r = 0; r < root.getRowCount(); r++) {
                    cells.row = r;
                    cells.line = ++line;
                    rows.row(cells.line, cells);
                    if (problems.count() >= Problems.KEPT) {
                        // Unlike a text file's, an Arrow file's rows are counted by its metadata, not by the bytes
                        // read: a damaged count can declare a billion rows of garbage, each a problem. Past the
                        // problems kept, the rest of the file would tell nothing more.
                        problems.add(name, cells.line, 0, "", "", String.format(java.util.Locale.ROOT, "reading"
                                + " stopped after %,d problems: the file is damaged, or its columns are not what"
                                + " this reader is set to read", Problems.KEPT));
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            if (RespondentReader.closedMemory(e)) {
                throw e; // not the file's fault: the reader explains the JVM flag
            }
            // Arrow's own exceptions for a damaged file (an IllegalArgumentException, an IndexOutOfBounds...).
            damaged(name, e, problems);
        } catch (OutOfMemoryError e) {
            // The allocation a damaged length asked for failed before anything was allocated: the heap is intact.
            damaged(name, e, problems);
        } catch (IOException e) {
            if (e.getClass() != IOException.class) {
                throw e; // the file system's failure (a FileSystemException, an interrupted channel), not the file's
            }
            damaged(name, e, problems); // Arrow's reader refusing what it read ("node length larger than INT_MAX")
        }
    }

    /** A file Arrow cannot read: a problem of the file, in words, with Arrow's message when it has one in words. */
    private static void damaged(String name, Throwable e, Problems problems) {
        String message = e.getMessage();
        problems.add(name, 0, 0, "", "", "not a readable Arrow IPC file: Arrow's reader stopped on a damaged part of"
                + " it (cut short, overwritten or not written by Arrow)" + (message == null || message.isBlank()
                || message.matches("(?s).*(Exception|java\\.).*") ? "" : "; Arrow says: " + message.strip()));
    }

    /** Receives a row's cells. */
    interface RowConsumer {
        void row(long line, RespondentReader.Cells cells);
    }

    private static Column column(FieldVector vector, DictionaryProvider dictionaries) {
        DictionaryEncoding encoding = vector.getField().getDictionary();
        if (encoding != null && vector instanceof BaseIntVector indices) {
            FieldVector dictionary = dictionaries.lookup(encoding.getId()).getVector();
            Column entries = column(dictionary, dictionaries);
            if (entries == null) {
                return null;
            }
            String[] decoded = new String[dictionary.getValueCount()];
            return new Column() {
                public int entry(int row) {
                    return vector.isNull(row) ? -1 : index(row);
                }

                /** The row's entry, checked: a damaged index would otherwise be taken as a size. */
                private int index(int row) {
                    long entry = indices.getValueAsLong(row);
                    if (entry < 0 || entry >= decoded.length) {
                        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "column %s: row %d"
                                + " points to entry %d of a dictionary of %d", vector.getName(), row + 1, entry,
                                decoded.length));
                    }
                    return (int) entry;
                }

                public Object dictionary() {
                    return dictionary;
                }

                public boolean numeric() {
                    return false;
                }

                public double number(int row) {
                    throw new UnsupportedOperationException();
                }

                public String text(int row) {
                    if (vector.isNull(row)) {
                        return "";
                    }
                    int entry = index(row);
                    String text = decoded[entry];
                    if (text == null) {
                        text = entries.text(entry);
                        decoded[entry] = text;
                    }
                    return text;
                }
            };
        }
        if (vector instanceof BitVector bits) {
            return numbers(vector, row -> bits.get(row));
        }
        if (vector instanceof BaseIntVector integers) {
            return new Column() {
                public boolean numeric() {
                    return true;
                }

                public double number(int row) {
                    return vector.isNull(row) ? Double.NaN : integers.getValueAsLong(row);
                }

                public String text(int row) {
                    return vector.isNull(row) ? "" : Long.toString(integers.getValueAsLong(row));
                }
            };
        }
        if (vector instanceof FloatingPointVector floats) {
            return numbers(vector, floats::getValueAsDouble);
        }
        if (vector instanceof VarCharVector strings) {
            return texts(vector, row -> new String(strings.get(row), StandardCharsets.UTF_8));
        }
        if (vector instanceof LargeVarCharVector strings) {
            return texts(vector, row -> new String(strings.get(row), StandardCharsets.UTF_8));
        }
        return null;
    }

    private static Column numbers(FieldVector vector, java.util.function.IntToDoubleFunction value) {
        return new Column() {
            public boolean numeric() {
                return true;
            }

            public double number(int row) {
                return vector.isNull(row) ? Double.NaN : value.applyAsDouble(row);
            }

            public String text(int row) {
                return vector.isNull(row) ? "" : String.valueOf(value.applyAsDouble(row));
            }
        };
    }

    private static Column texts(FieldVector vector, java.util.function.IntFunction<String> value) {
        return new Column() {
            public boolean numeric() {
                return false;
            }

            public double number(int row) {
                throw new UnsupportedOperationException();
            }

            public String text(int row) {
                return vector.isNull(row) ? "" : value.apply(row).strip();
            }
        };
    }

    /** The cells of one row of a batch, by position in the reader's columns; the row moves, the object stays. */
    private static final class BatchCells implements RespondentReader.Cells {
        private final String[] wanted;
        private final Column[] columns;
        private final int[] positions;
        private final Problems problems;
        private final String file;
        int row;
        long line;

        BatchCells(String[] wanted, Column[] columns, List<String> names, Problems problems, String file) {
            this.wanted = wanted;
            this.columns = columns;
            this.positions = java.util.Arrays.stream(wanted).mapToInt(names::indexOf).toArray();
            this.problems = problems;
            this.file = file;
        }

        @Override
        public String text(int column) {
            return columns[column].text(row);
        }

        @Override
        public void fail(int column, String value, String message) {
            problems.add(file, line, positions[column] + 1, wanted[column], value, message);
        }

        @Override
        public boolean numeric(int column) {
            return columns[column].numeric();
        }

        @Override
        public double number(int column) {
            return columns[column].number(row);
        }

        @Override
        public int entry(int column) {
            return columns[column].entry(row);
        }

        @Override
        public Object dictionary(int column) {
            return columns[column].dictionary();
        }
    }

    /**
     * Writes the columns read to an Arrow IPC file, uncompressed: weights, the correction and numbers as 64-bit
     * floating point, text columns dictionary-encoded (32-bit indices into their labels), answers as 8-bit 0/1
     * integers with missing answers null; in batches of {@value #BATCH} rows.
     */
    static void write(Path file, String weight, String fpc, RespondentReader.Read read) throws IOException {
        // Written beside the target and moved over it when complete: a failure leaves no half-written file.
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            writeTo(partial, weight, fpc, read);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeTo(Path file, String weight, String fpc, RespondentReader.Read read) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Field> fields = new ArrayList<>();
            DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
            ArrowType doubles = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            ArrowType indices = new ArrowType.Int(32, true);
            fields.add(new Field(weight, FieldType.notNullable(doubles), null));
            if (fpc != null) {
                fields.add(new Field(fpc, FieldType.notNullable(doubles), null));
            }
            long id = 0;
            List<VarCharVector> labels = new ArrayList<>();
            for (Map.Entry<String, Coding> text : read.text().entrySet()) {
                DictionaryEncoding encoding = new DictionaryEncoding(id++, false, (ArrowType.Int) indices);
                fields.add(new Field(text.getKey(), new FieldType(false, indices, encoding), null));
                VarCharVector names = new VarCharVector(text.getKey() + " labels", allocator);
                List<String> list = text.getValue().names();
                names.allocateNew(list.size());
                for (int k = 0; k < list.size(); k++) {
                    names.setSafe(k, list.get(k).getBytes(StandardCharsets.UTF_8));
                }
                names.setValueCount(list.size());
                labels.add(names);
                provider.put(new Dictionary(names, encoding));
            }
            for (String answer : read.answers().keySet()) {
                fields.add(new Field(answer, FieldType.nullable(new ArrowType.Int(8, true)), null));
            }
            for (String number : read.numbers().keySet()) {
                fields.add(new Field(number, FieldType.notNullable(doubles), null));
            }
            int n = read.weights().length;
            try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, provider, channel)) {
                writer.start();
                for (int from = 0; from < n; from += BATCH) {
                    int rows = Math.min(BATCH, n - from);
                    int v = 0;
                    fill((Float8Vector) root.getVector(v++), read.weights(), from, rows);
                    if (fpc != null) {
                        fill((Float8Vector) root.getVector(v++), read.fpc(), from, rows);
                    }
                    for (Coding coding : read.text().values()) {
                        IntVector codes = (IntVector) root.getVector(v++);
                        codes.allocateNew(rows);
                        for (int r = 0; r < rows; r++) {
                            codes.set(r, coding.codes()[from + r]);
                        }
                        codes.setValueCount(rows);
                    }
                    for (Answers answers : read.answers().values()) {
                        TinyIntVector values = (TinyIntVector) root.getVector(v++);
                        values.allocateNew(rows);
                        for (int r = 0; r < rows; r++) {
                            if (answers.isAnswered(from + r)) {
                                values.set(r, answers.isYes(from + r) ? 1 : 0);
                            } else {
                                values.setNull(r);
                            }
                        }
                        values.setValueCount(rows);
                    }
                    for (double[] numbers : read.numbers().values()) {
                        fill((Float8Vector) root.getVector(v++), numbers, from, rows);
                    }
                    root.setRowCount(rows);
                    writer.writeBatch();
                }
                writer.end();
            } finally {
                labels.forEach(VarCharVector::close);
            }
        }
    }

    private static void fill(Float8Vector vector, double[] values, int from, int rows) {
        vector.allocateNew(rows);
        for (int r = 0; r < rows; r++) {
            vector.set(r, values[from + r]);
        }
        vector.setValueCount(rows);
    }
}

package org.smesurvey.stats.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Problem;

/**
 * The Arrow IPC input: the generated SME survey (SmeSurveyParityTest's, checked there against R's survey) converted
 * to Arrow and read back is the same data, so every estimate from it is survey's; files written by another writer
 * (plain text, 64-bit integers, 32-bit floats, booleans, nulls, ZSTD and LZ4 compression) follow the CSV rules, and their
 * problems are reported by row and column.
 */
class ArrowInputTest {

    private static final RespondentReader SME = RespondentReader.builder().weight("weight").strata("country")
            .clusters("region").answers("external", "internal").categories("country", "band", "sector", "pair",
                    "region").numbers("employees").build();

    @Test
    void theSmeSurveyConvertedToArrowIsTheSameData(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("sme-survey.csv");
        try (InputStream in = ArrowInputTest.class.getResourceAsStream("sme-survey.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        Path arrow = dir.resolve("sme-survey.arrow");
        SME.convertToArrow(csv, arrow);
        assertEquals("ARROW1", new String(Files.readAllBytes(arrow), 0, 6, StandardCharsets.US_ASCII));
        Respondents fromCsv = SME.read(csv);
        Respondents fromArrow = SME.read(arrow);
        assertEquals(2400, fromArrow.size());
        for (int i = 0; i < fromCsv.size(); i++) {
            assertEquals(fromCsv.design().weight(i), fromArrow.design().weight(i), "weight " + i);
        }
        assertEquals(fromCsv.design().strata(), fromArrow.design().strata());
        assertEquals(fromCsv.design().units(), fromArrow.design().units());
        assertEquals(fromCsv.design().degreesOfFreedom(), fromArrow.design().degreesOfFreedom());
        for (String column : List.of("country", "band", "sector", "pair", "region")) {
            assertArrayEquals(fromCsv.categories(column), fromArrow.categories(column), column);
            assertEquals(fromCsv.domains(column).names(), fromArrow.domains(column).names(), column);
        }
        for (String column : List.of("external", "internal")) {
            assertArrayEquals(fromCsv.answers(column).yes(), fromArrow.answers(column).yes(), column);
            assertArrayEquals(fromCsv.answers(column).answered(), fromArrow.answers(column).answered(), column);
        }
        assertTrue(fromArrow.answers("internal").missing() > 0, "the survey has missing answers");
        assertArrayEquals(fromCsv.numbers("employees"), fromArrow.numbers("employees"));
        SurveyEstimate csvShare = SurveyEstimator.of(fromCsv.design()).proportion("external",
                fromCsv.answers("external"));
        SurveyEstimate arrowShare = SurveyEstimator.of(fromArrow.design()).proportion("external",
                fromArrow.answers("external"));
        assertEquals(csvShare.estimate(), arrowShare.estimate(), 0);
        assertEquals(csvShare.standardError(), arrowShare.standardError(), 0);
    }

    /** Another writer's file: plain text labels, 64-bit integer clusters, 32-bit float weights, boolean answers. */
    private static void writeOtherWriters(Path file, String[] strata, long[] psu, float[] weights, Boolean[] answers,
            CompressionUtil.CodecType codec) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
                VarCharVector stratum = new VarCharVector("stratum", allocator);
                BigIntVector cluster = new BigIntVector("psu", allocator);
                Float4Vector weight = new Float4Vector("w", allocator);
                BitVector external = new BitVector("external", allocator)) {
            int n = strata.length;
            stratum.allocateNew(n);
            cluster.allocateNew(n);
            weight.allocateNew(n);
            external.allocateNew(n);
            for (int i = 0; i < n; i++) {
                if (strata[i] == null) {
                    stratum.setNull(i);
                } else {
                    stratum.setSafe(i, strata[i].getBytes(StandardCharsets.UTF_8));
                }
                cluster.set(i, psu[i]);
                weight.set(i, weights[i]);
                if (answers[i] == null) {
                    external.setNull(i);
                } else {
                    external.set(i, answers[i] ? 1 : 0);
                }
            }
            stratum.setValueCount(n);
            cluster.setValueCount(n);
            weight.setValueCount(n);
            external.setValueCount(n);
            try (VectorSchemaRoot root = VectorSchemaRoot.of(stratum, cluster, weight, external);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, new DictionaryProvider.MapDictionaryProvider(),
                            channel, null, IpcOption.DEFAULT, CommonsCompressionFactory.INSTANCE, codec)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }

    private static final RespondentReader OTHER = RespondentReader.builder().weight("w").strata("stratum")
            .clusters("psu").answers("external").build();

    @Test
    void anotherWritersTypesAndCompressionFollowTheCsvRules(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.arrow");
        writeOtherWriters(file, new String[] {"A", "A", "B", "B"}, new long[] {1, 2, 1, 2},
                new float[] {10, 12.5f, 20, 8}, new Boolean[] {true, false, null, true}, CompressionUtil.CodecType.ZSTD);
        Respondents data = OTHER.read(file);
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "stratum,psu,w,external\nA,1,10,1\nA,2,12.5,0\nB,1,20,\nB,2,8,1\n");
        Respondents same = OTHER.read(csv);
        assertEquals(same.design().units(), data.design().units());
        assertEquals(4, data.design().units(), "the 64-bit clusters are read within their strata as text would be");
        assertArrayEquals(same.answers("external").answered(), data.answers("external").answered());
        assertArrayEquals(same.answers("external").yes(), data.answers("external").yes());
        SurveyEstimate a = SurveyEstimator.of(data.design()).proportion("external", data.answers("external"));
        SurveyEstimate b = SurveyEstimator.of(same.design()).proportion("external", same.answers("external"));
        assertEquals(b.estimate(), a.estimate(), 0);
        assertEquals(b.standardError(), a.standardError(), 0);
    }

    @Test
    void problemsAreReportedByRowAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.arrow");
        writeOtherWriters(file, new String[] {"A", null, "B"}, new long[] {1, 2, 1}, new float[] {10, -1, Float.NaN},
                new Boolean[] {true, false, null}, CompressionUtil.CodecType.LZ4_FRAME);
        List<Problem> problems = assertThrows(InputFormatException.class, () -> OTHER.read(file)).problems();
        assertEquals(List.of(
                "bad.arrow, line 3, column 3 (w), value '-1.0': is a negative weight; a file calibrated by GREG may"
                        + " have some: read it with allowNegativeWeights()",
                "bad.arrow, line 3, column 1 (stratum): is empty; expected a label",
                "bad.arrow, line 4, column 3 (w), value 'NaN': is not a weight: not a number: NaN and infinities are"
                        + " not values"),
                problems.stream().map(p -> p.toString().replace(dir + "/", "")).toList());
        RespondentReader missing = RespondentReader.builder().weight("weight").answers("external", "internal")
                .build();
        assertEquals(List.of("bad.arrow, line 1: missing required column 'weight'; the columns are [stratum, psu, w,"
                + " external]", "bad.arrow, line 1: missing required column 'internal'; the columns are [stratum, psu,"
                + " w, external]"), assertThrows(InputFormatException.class, () -> missing.read(file)).problems()
                .stream().map(p -> p.toString().replace(dir + "/", "")).toList());
    }

    @Test
    void anUnreadableTypeOrFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dates.arrow");
        try (BufferAllocator allocator = new RootAllocator();
                DateDayVector day = new DateDayVector("w", allocator)) {
            day.allocateNew(1);
            day.set(0, 19000);
            day.setValueCount(1);
            try (VectorSchemaRoot root = VectorSchemaRoot.of(day);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        RespondentReader weights = RespondentReader.builder().weight("w").build();
        assertEquals(List.of("dates.arrow, line 1, column 1 (w): is of Arrow type Date(DAY); expected numbers,"
                + " booleans or text (plain or dictionary-encoded)"), assertThrows(InputFormatException.class,
                () -> weights.read(file)).problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList());
        Path damaged = dir.resolve("damaged.arrow");
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(file), 40));
        assertEquals(List.of("damaged.arrow, value 'first bytes 41 52 52 4F 57 31 00 00': not an Arrow IPC (Feather V2)"
                + " file: it starts with Arrow's magic ARROW1 but does not end with it, as an IPC file does: it is cut"
                + " short, damaged or still being written"), problems(dir, () -> weights.read(damaged)));
        byte[] bytes = Files.readAllBytes(file);
        // The footer's length, just before the closing magic, made larger than the file.
        bytes[bytes.length - 7] = 0x7F;
        Files.write(damaged, bytes);
        List<String> problems = problems(dir, () -> weights.read(damaged));
        assertTrue(problems.size() == 1 && problems.get(0).startsWith(damaged.getFileName() + ": not a readable Arrow"
                + " IPC file: Arrow's reader stopped on a damaged part of it") && !problems.get(0).contains("Exception"),
                problems.toString());
    }

    private static List<String> problems(Path dir, org.junit.jupiter.api.function.Executable read) {
        return assertThrows(InputFormatException.class, read).problems().stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void aFileThatIsNotArrowIpcIsSaidToBeSoBeforeItIsRead(@TempDir Path dir) throws IOException {
        RespondentReader weights = RespondentReader.builder().weight("w").build();
        Path file = dir.resolve("f.arrow");
        // Feather version 1: FEA1 at both ends, a flatbuffer in between (here its first bytes, then the end).
        Files.write(file, java.nio.ByteBuffer.allocate(20).put("FEA1".getBytes(StandardCharsets.US_ASCII))
                .put(bytes(0, 0, 0, 0, 0xFF, 0xFF, 0x10, 0x00)).put(bytes(8, 0, 0, 0)).put("FEA1"
                        .getBytes(StandardCharsets.US_ASCII)).array());
        assertEquals(List.of("f.arrow, value 'first bytes 46 45 41 31 00 00 00 00': not an Arrow IPC (Feather V2)"
                + " file: it starts with FEA1, the magic of Feather version 1, which Arrow's Java library does not"
                + " read; write it as Feather version 2 (R: arrow::write_feather(x, version = 2); Python:"
                + " pyarrow.feather.write_feather(df, path, version=2))"), problems(dir, () -> weights.read(file)));

        // Arrow's stream format, written by Arrow itself.
        Path stream = dir.resolve("s.arrows");
        try (BufferAllocator allocator = new RootAllocator();
                Float4Vector weight = new Float4Vector("w", allocator)) {
            weight.allocateNew(2);
            weight.set(0, 1.5f);
            weight.set(1, 2.5f);
            weight.setValueCount(2);
            try (VectorSchemaRoot root = VectorSchemaRoot.of(weight);
                    FileChannel channel = FileChannel.open(stream, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    org.apache.arrow.vector.ipc.ArrowStreamWriter writer =
                            new org.apache.arrow.vector.ipc.ArrowStreamWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        List<String> streamProblems = problems(dir, () -> weights.read(stream));
        assertEquals(1, streamProblems.size());
        assertTrue(streamProblems.get(0).matches("s\\.arrows, value 'first bytes FF FF FF FF [0-9A-F ]+': not an"
                + " Arrow IPC \\(Feather V2\\) file: it starts with the continuation marker 0xFFFFFFFF of Arrow's"
                + " stream format, .*"), streamProblems.get(0));

        // An IPC file whose first magic is wrong.
        Path valid = dir.resolve("valid.arrow");
        writeOtherWriters(valid, new String[] {"A"}, new long[] {1}, new float[] {10}, new Boolean[] {true},
                CompressionUtil.CodecType.ZSTD);
        byte[] bytes = Files.readAllBytes(valid);
        bytes[5] = '2';
        Files.write(file, bytes);
        assertEquals(List.of("f.arrow, value 'first bytes 41 52 52 4F 57 32 00 00': not an Arrow IPC (Feather V2)"
                + " file: it ends with Arrow's magic ARROW1 but does not start with it, as an IPC file does: it is"
                + " damaged"), problems(dir, () -> OTHER.read(file)));

        // Text is still read as CSV.
        Files.writeString(file, "w\n1.5\n2\n");
        assertEquals(2, weights.read(file).design().size());

        // A source of bytes is read as CSV only: Arrow's bytes there are said to be Arrow's, not misread as text.
        assertEquals(List.of("valid.arrow, value 'first bytes 41 52 52 4F 57 31 00 00': not CSV: it is an Arrow IPC"
                + " file, which this reader reads from its path (read(Path)), not from a source of bytes"),
                problems(dir, () -> OTHER.read(InputSource.of("valid.arrow", Files.readAllBytes(valid)))));
        List<String> streamSource = problems(dir, () -> weights.read(InputSource.of("s.arrows",
                Files.readAllBytes(stream))));
        assertTrue(streamSource.size() == 1 && streamSource.get(0).contains("not an Arrow IPC (Feather V2) file: it"
                + " starts with the continuation marker 0xFFFFFFFF"), streamSource.toString());
    }

    @Test
    void twoColumnsOfTheSameNameAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("twice.arrow");
        try (BufferAllocator allocator = new RootAllocator();
                Float4Vector first = new Float4Vector("w", allocator);
                Float4Vector second = new Float4Vector("w", allocator)) {
            for (Float4Vector v : List.of(first, second)) {
                v.allocateNew(1);
                v.set(0, 2);
                v.setValueCount(1);
            }
            try (VectorSchemaRoot root = VectorSchemaRoot.of(first, second);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        assertEquals(List.of("twice.arrow, line 1, column 2 (w), value 'w': column repeats column 1 ('w'); every"
                + " column needs its own name"), problems(dir, () -> RespondentReader.builder().weight("w").build()
                .read(file)));
    }
}

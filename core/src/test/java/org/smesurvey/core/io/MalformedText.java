package org.smesurvey.core.io;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the malformed-file corpora share ({@code MalformedCorpusTest} for the catalogue, {@code ImportCorpusTest}
 * for the importers): the line endings every file is written with, how a file starts, and text with bytes that are
 * not UTF-8.
 */
public final class MalformedText {

    /** LF, CRLF and CR alone. */
    public static final List<String> LINE_ENDINGS = List.of("\n", "\r\n", "\r");

    private MalformedText() {
    }

    /** How a file starts before its header: plainly, with a byte-order mark, or with blank lines. */
    public enum Start {
        PLAIN(""), BYTE_ORDER_MARK("\uFEFF"), BLANK_LINES(null);

        private final String prefix;

        Start(String prefix) {
            this.prefix = prefix;
        }

        /** What comes before the header, with this line ending. */
        public String prefix(String eol) {
            return prefix == null ? " " + eol + eol : prefix;
        }

        /** The header's line. */
        public int headerLine() {
            return prefix == null ? 3 : 1;
        }
    }

    /** A line ending's name: LF, CRLF or CR. */
    public static String eolName(String eol) {
        return eol.equals("\n") ? "LF" : eol.equals("\r\n") ? "CRLF" : "CR";
    }

    /** Text with every NUL written as the Latin-1 byte 0xE9, which is not UTF-8. */
    public static byte[] bytes(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == 0) {
                utf8[i] = (byte) 0xE9;
            }
        }
        return utf8;
    }
}

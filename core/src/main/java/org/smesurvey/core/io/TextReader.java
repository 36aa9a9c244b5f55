package org.smesurvey.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream for the CSV parser, and keeps what the parser cannot say about a failure.
 *
 * <p>It drops a leading byte order mark, refuses text that is not valid in the character set with the exact
 * byte (where a {@code java.io.InputStreamReader} only says "Input length = 1"), refuses more bytes than the
 * cap, and refuses a row longer than {@code maxRowChars} (counted from the start of the row before it, which
 * {@link #keepFrom} sets), so that a file of one endless line cannot fill the heap. It keeps the text from the
 * start of the last row the parser returned, so that the reader can place a failure by line and cell.
 */
final class TextReader extends Reader {

    /** Why the text cannot be read; caught by {@link CsvReader} and turned into a problem. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        enum Kind { MALFORMED, TOO_LARGE, ROW_TOO_LONG }

        final Kind kind;
        final long byteOffset;
        final int byteValue;

        Failure(Kind kind, long byteOffset, int byteValue) {
            super(kind.name());
            this.kind = kind;
            this.byteOffset = byteOffset;
            this.byteValue = byteValue;
        }
    }

    private static final int CHUNK = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final long maxBytes;
    private final int maxRowChars;
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private final CharBuffer decoded = CharBuffer.allocate(CHUNK);
    /** Decoded text from {@link #windowStart} on; what was delivered and what is still to deliver. */
    private final StringBuilder window = new StringBuilder();
    private long windowStart;
    private long delivered;
    private long boundary;
    private long bytesRead;
    private boolean endOfBytes;
    private boolean flushed;
    private boolean atStart = true;
    /** A failure met while decoding ahead, thrown when the parser reaches it. */
    private Failure pending;

    TextReader(InputStream in, Charset charset, long maxBytes, int maxRowChars) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxBytes = maxBytes;
        this.maxRowChars = maxRowChars;
        bytes.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (delivered == decodedEnd() && !decodeMore()) {
            return -1;
        }
        int n = (int) Math.min(length, decodedEnd() - delivered);
        int from = (int) (delivered - windowStart);
        window.getChars(from, from + n, buffer, offset);
        delivered += n;
        if (delivered - boundary > maxRowChars) {
            throw new Failure(Failure.Kind.ROW_TOO_LONG, -1, -1);
        }
        return n;
    }

    /**
     * The text not yet delivered, decoded up to the first line break or {@code max} characters, for a look at
     * the header before parsing.
     */
    CharSequence lookahead(int max) throws IOException {
        try {
            while (decodedEnd() - delivered < max && !hasLineBreak() && decodeMore()) {
                // decode on
            }
        } catch (Failure e) {
            // met again by read(), where the parser has reached it
        }
        int from = (int) (delivered - windowStart);
        return window.subSequence(from, (int) Math.min(window.length(), from + (long) max));
    }

    /** Whether the undelivered text has a line break after its first non-blank character. */
    private boolean hasLineBreak() {
        int i = (int) (delivered - windowStart);
        while (i < window.length() && Character.isWhitespace(window.charAt(i))) {
            i++;
        }
        for (; i < window.length(); i++) {
            char c = window.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Marks the start of the row the parser returned last: text before it is dropped, and rows are measured from it. */
    void keepFrom(long offset) {
        boundary = offset;
        long dead = Math.min(offset, delivered) - windowStart;
        // Dropped only once it is half the window, so that dropping costs O(1) a character.
        if (dead > CHUNK && dead * 2 > window.length()) {
            window.delete(0, (int) dead);
            windowStart += dead;
        }
    }

    /** The text kept, from {@link #windowStart()} to the last character decoded. */
    CharSequence window() {
        return window;
    }

    long windowStart() {
        return windowStart;
    }

    private long decodedEnd() {
        return windowStart + window.length();
    }

    /** Decodes at least one more character; false at the end of the text. */
    private boolean decodeMore() throws IOException {
        if (pending != null) {
            throw pending;
        }
        long before = decodedEnd();
        try {
            decodeAtLeastOne(before);
        } catch (Failure e) {
            pending = e;
            if (decodedEnd() == before) {
                throw e;
            }
        }
        return decodedEnd() > before;
    }

    private void decodeAtLeastOne(long before) throws IOException {
        while (decodedEnd() == before) {
            if (flushed) {
                return;
            }
            if (!endOfBytes && !bytes.hasRemaining()) {
                readBytes();
            }
            decoded.clear();
            CoderResult result = endOfBytes ? decoder.decode(bytes, decoded, true) : decoder.decode(bytes, decoded, false);
            if (result.isUnderflow() && endOfBytes) {
                result = decoder.flush(decoded);
                flushed = result.isUnderflow();
            }
            decoded.flip();
            if (atStart && decoded.hasRemaining()) {
                atStart = false;
                if (decoded.get(decoded.position()) == '\uFEFF') {
                    decoded.get();
                }
            }
            window.append(decoded);
            if (result.isError()) {
                long offset = bytesRead - bytes.remaining();
                throw new Failure(Failure.Kind.MALFORMED, offset, bytes.get(bytes.position()) & 0xFF);
            }
            if (result.isUnderflow() && !endOfBytes && bytes.hasRemaining()) {
                readBytes(); // an incomplete multi-byte sequence waits for the next bytes
            }
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
        if (bytesRead > maxBytes) {
            throw new Failure(Failure.Kind.TOO_LARGE, maxBytes, -1);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

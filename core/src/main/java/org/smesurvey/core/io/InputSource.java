package org.smesurvey.core.io;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A named input: a file, a class-path resource or bytes in memory. The name is what problems report.
 *
 * @param name the name shown in problems, such as {@code studies.csv}
 * @param opener opens the content; called once per read
 * @since 0.1
 */
public record InputSource(String name, Opener opener) {

    /**
     * Opens a source's content.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the content.
         *
         * @return a new stream, closed by the reader
         * @throws IOException if it cannot be opened
         */
        InputStream open() throws IOException;
    }

    /**
     * Validates the source.
     *
     * @param name the name shown in problems, such as {@code studies.csv}
     * @param opener opens the content; called once per read
     * @throws NullPointerException if an argument is null
     */
    public InputSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /**
     * A file, named by its file name.
     *
     * @param file the file
     * @return the source
     */
    public static InputSource of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        return new InputSource(name == null ? file.toString() : name.toString(), () -> Files.newInputStream(file));
    }

    /**
     * Bytes in memory.
     *
     * @param name the name shown in problems
     * @param content the bytes, not copied
     * @return the source
     */
    public static InputSource of(String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        return new InputSource(name, () -> new ByteArrayInputStream(content));
    }

    /**
     * A class-path resource.
     *
     * @param anchor the class whose loader finds the resource
     * @param resource the absolute resource name, such as {@code /org/smesurvey/core/bundled/studies.csv}
     * @return the source, named by the resource's last path element
     */
    public static InputSource ofResource(Class<?> anchor, String resource) {
        Objects.requireNonNull(anchor, "anchor");
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return new InputSource(name, () -> {
            InputStream in = anchor.getResourceAsStream(resource);
            if (in == null) {
                throw new FileNotFoundException("No class-path resource " + resource);
            }
            return in;
        });
    }
}

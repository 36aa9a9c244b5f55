package org.smesurvey.charts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The file formats a {@link Chart} is written in.
 *
 * @since 0.1
 */
public enum ChartFormat {
    /** Portable Network Graphics: a bitmap, for documents and the web. */
    PNG("png"),
    /** Scalable Vector Graphics: sharp at any size, with the reasons of the comparability map on hover. */
    SVG("svg");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /**
     * The file name extension, without the dot.
     *
     * @return "png" or "svg"
     */
    public String extension() {
        return extension;
    }

    /**
     * The format a file name asks for by its extension, in any case.
     *
     * @param file the file
     * @return its format
     * @throws IllegalArgumentException if the name does not end in .png or .svg
     */
    public static ChartFormat of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (text.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("File name does not end in .png or .svg: " + file);
    }
}

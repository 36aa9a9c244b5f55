package org.smesurvey.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What went wrong with a file or directory, in words and with its path, for the programs' and the command line's
 * messages: never the name of a Java exception.
 *
 * @since 0.1
 */
public final class FileFailures {

    /** The reason the operating system gives for reading or writing a directory as a file (EISDIR). */
    private static final String IS_A_DIRECTORY = "Is a directory";

    private FileFailures() {
    }

    /**
     * One line saying what is wrong with which path: "No such file or directory: /x/y", "Permission denied: /x/y",
     * "/x/y is a directory, expected a file", "/x/y is a file, expected a directory", "Directory not empty: /x/y",
     * "Already exists: /x/y", else the operating system's reason and the path. A failure that names no path gives
     * its own message ({@link NamedCatalogue}'s "Not a catalogue directory: /x/y").
     *
     * @param failure the failure
     * @return one line
     * @throws NullPointerException if {@code failure} is null
     */
    public static String inWords(IOException failure) {
        Objects.requireNonNull(failure, "failure");
        if (!(failure instanceof FileSystemException f) || f.getFile() == null) {
            return failure.getMessage() == null ? "A file could not be read or written" : failure.getMessage();
        }
        String file = f.getFile();
        if (f instanceof NoSuchFileException) {
            return "No such file or directory: " + file;
        }
        if (f instanceof AccessDeniedException) {
            return "Permission denied: " + file;
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "Directory not empty: " + file;
        }
        boolean directory = Files.isDirectory(Path.of(file));
        if (f instanceof NotDirectoryException || f instanceof FileAlreadyExistsException && !directory) {
            // FileAlreadyExistsException on a file: Files.createDirectories met it where a directory was to be.
            return file + (Files.isRegularFile(Path.of(file)) ? " is a file" : " is not a directory")
                    + ", expected a directory";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "Already exists: " + file;
        }
        if (IS_A_DIRECTORY.equals(f.getReason())) {
            return file + " is a directory, expected a file";
        }
        return (f.getReason() == null ? "Cannot read or write" : f.getReason()) + ": " + file;
    }

    /**
     * Fails as the operating system does when a directory is read as a file, but before a reader opens it, so that
     * the failure names the path (the system's own names none).
     *
     * @param file a path to be read as a file
     * @return the path
     * @throws FileSystemException if it is a directory; {@link #inWords} says "/x/y is a directory, expected a file"
     * @throws NullPointerException if {@code file} is null
     */
    public static Path notADirectory(Path file) throws FileSystemException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, IS_A_DIRECTORY);
        }
        return file;
    }
}

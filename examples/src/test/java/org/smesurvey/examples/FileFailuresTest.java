package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of file failure in words, with its path, never the exception's name. */
class FileFailuresTest {

    @TempDir
    static Path dir;

    private static Arguments failure(Function<String, IOException> failure, String path, String words) {
        return Arguments.of(failure, path, words);
    }

    static Stream<Arguments> failures() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        String f = file.toString();
        String d = dir.toString();
        return Stream.of(
                failure(NoSuchFileException::new, "/data/x.tsv", "No such file or directory: /data/x.tsv"),
                failure(AccessDeniedException::new, "/data/studies.csv", "Permission denied: /data/studies.csv"),
                failure(DirectoryNotEmptyException::new, d, "Directory not empty: " + d),
                failure(NotDirectoryException::new, f, f + " is a file, expected a directory"),
                failure(FileAlreadyExistsException::new, f, f + " is a file, expected a directory"),
                failure(FileAlreadyExistsException::new, d, "Already exists: " + d),
                failure(p -> new FileSystemException(p, null, "Is a directory"), d,
                        d + " is a directory, expected a file"),
                failure(p -> new FileSystemException(p, null, "Read-only file system"), "/mnt/x",
                        "Read-only file system: /mnt/x"),
                failure(FileSystemException::new, "/mnt/x", "Cannot read or write: /mnt/x"),
                failure(FileNotFoundException::new, "Not a catalogue directory: /data",
                        "Not a catalogue directory: /data"),
                failure(message -> new IOException(), "", "A file could not be read or written"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void sayWhatIsWrongWithWhichPath(Function<String, IOException> failure, String path, String words) {
        assertEquals(words, FileFailures.inWords(failure.apply(path)));
    }

    @Test
    void aDirectoryReadAsAFileFailsWithItsPath() throws IOException {
        Path file = Files.writeString(dir.resolve("table.csv"), "x");
        assertSame(file, FileFailures.notADirectory(file));
        Path missing = dir.resolve("missing.csv");
        assertSame(missing, FileFailures.notADirectory(missing), "a missing file fails when it is read");
        FileSystemException e = assertThrows(FileSystemException.class, () -> FileFailures.notADirectory(dir));
        assertEquals(dir + " is a directory, expected a file", FileFailures.inWords(e));
        assertThrows(NullPointerException.class, () -> FileFailures.notADirectory(null));
        assertThrows(NullPointerException.class, () -> FileFailures.inWords(null));
    }
}

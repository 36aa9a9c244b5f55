package org.smesurvey.examples;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.core.csv.CatalogueReader;

/**
 * The catalogue a program was asked for on its command line: the bundled one when none is named, else the
 * directory, with its {@code populations.csv} if it has one.
 *
 * @param name how to call it in output
 * @param catalogue the studies and figures
 * @param populations the reference populations: the bundled ones, a directory's own, or none
 * @since 0.1
 */
public record NamedCatalogue(String name, StudyCatalogue catalogue, Optional<ReferencePopulations> populations) {

    /**
     * Reads the catalogue named by a command-line argument.
     *
     * @param directory a catalogue directory; blank or null for the bundled catalogue
     * @return the catalogue
     * @throws FileNotFoundException if the directory does not exist ("Not a catalogue directory: ...")
     * @throws org.smesurvey.core.csv.CatalogueFormatException if a file is invalid (every problem listed)
     * @throws IOException if a file cannot be read
     */
    public static NamedCatalogue load(String directory) throws IOException {
        if (directory == null || directory.isBlank()) {
            return new NamedCatalogue("the bundled catalogue of published figures", Bundled.catalogue(),
                    Optional.of(Bundled.populations()));
        }
        Path path = Path.of(directory.trim());
        if (!Files.isDirectory(path)) {
            throw new FileNotFoundException("Not a catalogue directory: " + path.toAbsolutePath());
        }
        Path populations = path.resolve("populations.csv");
        return new NamedCatalogue(path.toString(), CatalogueReader.withDefaults().read(path),
                Files.exists(populations) ? Optional.of(CatalogueReader.withDefaults().readPopulations(populations))
                        : Optional.empty());
    }
}

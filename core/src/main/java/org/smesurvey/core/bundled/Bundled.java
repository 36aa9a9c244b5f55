package org.smesurvey.core.bundled;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.csv.CatalogueReader;

/**
 * The data shipped with smesurvey: the catalogue of real published figures and the enterprise counts of
 * statistical offices, each with its source ({@code SOURCES.md} beside the files, {@code docs/catalogue-format.md}).
 *
 * <p>This class sits above both the domain model and the catalogue reader: the model ({@link StudyCatalogue},
 * {@link ReferencePopulations}) knows nothing of files, the reader builds the model, and this class asks the reader
 * for the bundled files. Each call reads the files again; keep the result to reuse it.
 *
 * <pre>{@code
 * StudyCatalogue catalogue = Bundled.catalogue();
 * ReferencePopulation insee = Bundled.populations().population("INSEE_TEF_2018").orElseThrow();
 * }</pre>
 *
 * @since 0.1
 */
public final class Bundled {

    /** The folder of the bundled files among the jar's resources. */
    private static final String FOLDER = "/org/smesurvey/core/bundled/";

    private Bundled() {
    }

    /**
     * The real published figures shipped with smesurvey: official ICT-survey results and private surveys of SMEs'
     * social-network use, each with its source.
     *
     * @return the bundled catalogue
     * @throws UncheckedIOException if the bundled files cannot be read, which means a broken jar
     */
    public static StudyCatalogue catalogue() {
        try {
            return CatalogueReader.withDefaults().readResources(Bundled.class, FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled catalogue cannot be read", e);
        }
    }

    /**
     * The enterprise counts shipped with smesurvey (Eurostat, Insee, US Census Bureau and SBA), each with its
     * source.
     *
     * @return the bundled populations
     * @throws UncheckedIOException if the bundled file cannot be read, which means a broken jar
     */
    public static ReferencePopulations populations() {
        try {
            return CatalogueReader.withDefaults().readPopulationResource(Bundled.class, FOLDER + "populations.csv");
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled populations cannot be read", e);
        }
    }
}

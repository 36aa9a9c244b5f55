package consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;

/** What a reporting tool does with the published jars: load the bundled catalogue, and read the version. */
class ConsumerTest {

    @Test
    void thePublishedJarsWork(@TempDir Path dir) throws Exception {
        StudyCatalogue catalogue = Bundled.catalogue();
        assertTrue(catalogue.studies().size() > 50, "the bundled catalogue");
        String version = StudyCatalogue.class.getPackage().getImplementationVersion();
        assertTrue(version != null && !version.isBlank(), "Implementation-Version in the manifest");
        assertTrue(StudyCatalogue.class.getResource("/META-INF/LICENSE") != null, "the licence in the jar");
        Path file = dir.resolve("summary.txt");
        Files.writeString(file, catalogue.studies().size() + " studies, smesurvey " + version);
        assertTrue(Files.size(file) > 0);
    }
}

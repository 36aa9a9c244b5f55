/**
 * The domain model of SME social-network adoption studies, the catalogue's CSV format, the bundled catalogue and
 * the importers of official statistics.
 *
 * <p>The bundled catalogue is read by this module itself ({@code Class.getResourceAsStream} on a class of
 * {@code org.smesurvey.core.bundled}), so no package needs to be open.
 */
module org.smesurvey.core {
    requires org.apache.commons.csv;
    requires java.net.http;

    exports org.smesurvey.core;
    exports org.smesurvey.core.bundled;
    exports org.smesurvey.core.csv;
    exports org.smesurvey.core.imports;
    exports org.smesurvey.core.io;
}

package org.smesurvey.core.csv;

import org.smesurvey.core.io.InputSource;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.smesurvey.core.StudyCatalogue;

/** A small valid catalogue as CSV text, to read as is or with one thing broken. */
final class CsvFiles {
    private CsvFiles() {
    }

    static final String STUDIES = """
            study_id,title,publisher,fieldwork,region,population,size_scheme,size_min,size_max,sample_size,respondents
            S1,Survey one,Institut,2018,FR,PME,eu_2003_361,10,249,400,ceo|finance
            S2,"ICT usage, 2013-2015",Eurostat,2013-2015,EU28,Enterprises 10+,eurostat_ict,10,,,
            """;

    static final String OBSERVATIONS = """
            study_id,indicator,scope,region,year,size_min,size_max,x,n,value,notes
            S1,social_networks,external,,,,,212,400,,
            S2,social_media_any,mixed,FR,2013,10,,,,19 %,stated as 'deux sur dix'
            """;

    static final String SCHEMES = """
            scheme_id,scheme_name,class_code,class_label,size_min,size_max,notes
            tpe49,TPE up to 49,tpe,TPE,0,49,
            tpe49,TPE up to 49,pme,PME,50,249,
            """;

    static StudyCatalogue read(String studies, String observations) throws IOException {
        return CatalogueReader.withDefaults().read(source(CatalogueReader.STUDIES_FILE, studies),
                source(CatalogueReader.OBSERVATIONS_FILE, observations));
    }

    static StudyCatalogue read(String studies, String observations, String schemes) throws IOException {
        return CatalogueReader.withDefaults().read(source(CatalogueReader.STUDIES_FILE, studies),
                source(CatalogueReader.OBSERVATIONS_FILE, observations), source(CatalogueReader.SCHEMES_FILE, schemes));
    }

    static CatalogueFormatException failure(String studies, String observations, String schemes) {
        return assertThrows(CatalogueFormatException.class, () -> read(studies, observations, schemes));
    }

    static InputSource source(String name, String text) {
        return InputSource.of(name, text.getBytes(StandardCharsets.UTF_8));
    }
}

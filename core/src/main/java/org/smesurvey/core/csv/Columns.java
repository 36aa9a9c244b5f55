package org.smesurvey.core.csv;

import java.util.List;
import org.smesurvey.core.io.TableSpec;

/** The column names of the catalogue files, shared by the reader and the writer; docs/catalogue-format.md describes them. */
final class Columns {
    private Columns() {
    }

    static final String STUDY_ID = "study_id";
    static final String TITLE = "title";
    static final String PUBLISHER = "publisher";
    static final String FIELDWORK = "fieldwork";
    static final String REGION = "region";
    static final String POPULATION = "population";
    static final String SIZE_SCHEME = "size_scheme";
    static final String SIZE_MIN = "size_min";
    static final String SIZE_MAX = "size_max";
    static final String SECTORS = "sectors";
    static final String SAMPLE_SIZE = "sample_size";
    static final String RESPONDENTS = "respondents";
    static final String MODE = "mode";
    static final String SAMPLING = "sampling";
    static final String WEIGHTING = "weighting";
    static final String SOURCES = "sources";
    static final String NOTES = "notes";

    static final String INDICATOR = "indicator";
    static final String WORDING = "wording";
    static final String YEAR = "year";
    static final String SIZE_CLASS = "size_class";
    static final String PLATFORM = "platform";
    static final String SCOPE = "scope";
    static final String X = "x";
    static final String N = "n";
    static final String VALUE = "value";
    static final String SE = "se";
    static final String CI_LOW = "ci_low";
    static final String CI_HIGH = "ci_high";
    static final String CI_LEVEL = "ci_level";
    static final String DEFF = "deff";
    static final String DENOMINATOR = "denominator";
    static final String SOURCE = "source";

    static final String SCHEME_ID = "scheme_id";
    static final String SCHEME_NAME = "scheme_name";
    static final String CLASS_CODE = "class_code";
    static final String CLASS_LABEL = "class_label";

    static final String POPULATION_ID = "population_id";
    static final String ENTERPRISES = "enterprises";

    static final TableSpec STUDIES = TableSpec.closed(
            List.of(STUDY_ID, TITLE, PUBLISHER, FIELDWORK, REGION, POPULATION, SIZE_SCHEME, SIZE_MIN, SIZE_MAX,
                    SECTORS, SAMPLE_SIZE, RESPONDENTS, MODE, SAMPLING, WEIGHTING, SOURCES, NOTES),
            List.of(STUDY_ID, TITLE, PUBLISHER, REGION, POPULATION, SIZE_SCHEME), List.of(), false);

    static final TableSpec OBSERVATIONS = TableSpec.closed(
            List.of(STUDY_ID, INDICATOR, WORDING, REGION, YEAR, SIZE_CLASS, SIZE_MIN, SIZE_MAX, SECTORS, PLATFORM,
                    SCOPE, X, N, VALUE, SE, CI_LOW, CI_HIGH, CI_LEVEL, DEFF, DENOMINATOR, SOURCE, NOTES),
            List.of(STUDY_ID, INDICATOR, SCOPE), List.of(List.of(VALUE, X)), false);

    static final TableSpec SCHEMES = TableSpec.closed(
            List.of(SCHEME_ID, SCHEME_NAME, CLASS_CODE, CLASS_LABEL, SIZE_MIN, SIZE_MAX, NOTES),
            List.of(SCHEME_ID, SCHEME_NAME, CLASS_CODE, CLASS_LABEL, SIZE_MIN), List.of(), true);

    static final TableSpec POPULATIONS = TableSpec.closed(
            List.of(POPULATION_ID, PUBLISHER, REGION, YEAR, SCOPE, SECTORS, SIZE_CLASS, SIZE_MIN, SIZE_MAX, ENTERPRISES,
                    SOURCE, NOTES),
            List.of(POPULATION_ID, PUBLISHER, REGION, YEAR, SCOPE, SIZE_CLASS, SIZE_MIN), List.of(), false);
}

package org.smesurvey.examples.report;

import java.util.Optional;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;

/**
 * What every section of the report reads: the catalogue (the bundled one and any added), the added part alone,
 * the enterprise counts, the words of the page's language, the year the headline predicts, and the adoption model
 * fitted once (or why it could not be).
 *
 * @param catalogue every study and figure of the report
 * @param added the studies of the catalogue directories given, empty when none was
 * @param populations the enterprise counts by size band
 * @param words the page's language
 * @param year the year the answer and the headline table predict
 * @param country the country or area the answer is for, when the reader asked for one
 * @param size the size band the answer is for, when the reader asked for one
 * @param name the catalogue's name, in words
 * @param data the figures prepared for the adoption model
 * @param fit the model, empty when it cannot be fitted
 * @param noModel why not, in words, when it cannot
 */
record ReportContext(StudyCatalogue catalogue, StudyCatalogue added, ReferencePopulations populations, Words words,
        int year, Optional<String> country, Optional<org.smesurvey.core.SizeBand> size, String name, AdoptionData data,
        Optional<AdoptionModel.Fit> fit, String noModel) {

    /** The fewest studies the model is fitted on: with fewer, between-study variance has nothing to rest on. */
    static final int FEWEST_STUDIES = 3;

    static ReportContext of(StudyCatalogue catalogue, StudyCatalogue added, ReferencePopulations populations,
            Words words, int year, Optional<String> country, Optional<org.smesurvey.core.SizeBand> size,
            String name) {
        AdoptionData data = AdoptionData.of(catalogue);
        long studies = data.entries().stream().map(e -> e.figure().study().id()).distinct().count();
        Optional<AdoptionModel.Fit> fit = Optional.empty();
        String noModel = "";
        if (studies < FEWEST_STUDIES) {
            noModel = words.get("adoption.none", data.entries().size() + " / " + studies);
        } else {
            try {
                fit = Optional.of(AdoptionModel.fit(data));
            } catch (IllegalStateException e) {
                noModel = words.get("adoption.none", e.getMessage()); // the fit did not converge
            }
        }
        return new ReportContext(catalogue, added, populations, words, year, country, size, name, data, fit,
                noModel);
    }

    /** Whether a figure's study comes from an added catalogue directory. */
    boolean isAdded(org.smesurvey.core.Observation figure) {
        return added.study(figure.study().id()).isPresent();
    }
}

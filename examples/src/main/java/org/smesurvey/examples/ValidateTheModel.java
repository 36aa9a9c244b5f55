package org.smesurvey.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.adoption.AdoptionData;
import org.smesurvey.stats.adoption.AdoptionModel;
import org.smesurvey.stats.adoption.CrossValidation;
import org.smesurvey.stats.adoption.FormChoice;

/**
 * How the adoption model's form was chosen: each candidate form fitted to the bundled catalogue and judged by
 * leaving each study out (then each country), as docs/adoption-model.md records; last, the sensitivity fit with who
 * answered, sampling and scope apart instead of one private-survey contrast. The form that predicts the
 * left-out studies best is {@link AdoptionModel#DEFAULT_FORM}; the in-sample likelihood is printed beside it, not
 * used. Run with
 * {@code java -cp examples/target/smesurvey-cli.jar org.smesurvey.examples.ValidateTheModel} after the build.
 *
 * @since 0.2
 */
public final class ValidateTheModel {
    private ValidateTheModel() {
    }

    /**
     * Prints each form's cross-validation.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        AdoptionData data = AdoptionData.of(Bundled.catalogue());
        out.printf(Locale.ROOT, "%d figures enter the model, %d are left out%n", data.entries().size(),
                data.excluded().size());
        out.println(FormChoice.of(data, Bundled.populations()).summary());
        for (AdoptionModel.Form form : List.of(AdoptionModel.Form.PLAIN, new AdoptionModel.Form(false, true),
                new AdoptionModel.Form(true, false), new AdoptionModel.Form(true, true),
                new AdoptionModel.Form(AdoptionModel.Ceiling.PER_INDICATOR, false, false),
                new AdoptionModel.Form(false, false, true))) {
            AdoptionModel.Fit fit = AdoptionModel.fit(data, Bundled.populations(), form);
            out.printf(Locale.ROOT, "%nAsked for: %s%s; restricted logLik %.2f%n", form,
                    fit.ceilingAtBoundary() ? " (the ceiling's maximum is at 100 %: fitted without)" : "",
                    fit.logLikelihood());
            out.println("  " + fit.crossValidation().summary());
            out.println("  " + CrossValidation.of(fit, CrossValidation.Grouping.COUNTRY).summary());
            for (AdoptionModel.CeilingEstimate c : form.ceiling() && !form.indicatorSpeeds() ? fit.ceilingEstimates()
                    : List.<AdoptionModel.CeilingEstimate>of()) {
                out.printf(Locale.ROOT, "  ceiling, %s: %.1f %% [%.1f %%, %.1f %%]%s%n", c.level(),
                        100 * c.interval().estimate(), 100 * c.interval().lower(), 100 * c.interval().upper(),
                        c.separable() ? "" : " (not separable from the indicator's level)");
            }
            if (!fit.dropped().isEmpty()) {
                out.println("  not separable from the other columns: " + String.join(", ", fit.dropped()));
            }
        }
    }
}

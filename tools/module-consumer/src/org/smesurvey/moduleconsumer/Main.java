package org.smesurvey.moduleconsumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smesurvey.charts.ChartSpec;
import org.smesurvey.charts.ForestPlot;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.bundled.Bundled;
import org.smesurvey.stats.meta.EffectSizes;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.MetaResult;
import org.smesurvey.stats.meta.ProportionMeasure;

/**
 * Loads the bundled catalogue (a resource core reads from inside its own module), fits a small random-effects
 * meta-analysis and compares it with metafor, draws a forest plot in SVG and PNG (the labels are read from inside
 * the charts module), and checks the modules are the kind smesurvey says they are. Any failure exits with 1.
 *
 * <p>Reference, R 4.2.2, metafor 3.8.1:
 * {@code rma(measure = "PLO", xi = c(12, 30, 45, 20, 61), ni = c(40, 80, 100, 50, 120))}: estimate
 * -0.3158863094642, se 0.140673711349332, tau2 0.0411727968460696 (REML, solved iteratively: tolerance 1e-8).
 */
public final class Main {

    private static final double TOLERANCE = 1e-8;

    private Main() {
    }

    /**
     * Runs the checks.
     *
     * @param args one argument, the folder the charts are written to
     * @throws IOException if a chart cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Main OUTPUT_FOLDER");
        }
        Path out = Files.createDirectories(Path.of(args[0]));

        StudyCatalogue catalogue = Bundled.catalogue();
        check(!catalogue.studies().isEmpty(), "the bundled catalogue has studies");

        MetaResult result = MetaAnalysis.withDefaults().fit(EffectSizes.of(ProportionMeasure.PLO,
                new int[] {12, 30, 45, 20, 61}, new int[] {40, 80, 100, 50, 120}));
        near(result.estimate(), -0.3158863094642, "estimate");
        near(result.standardError(), 0.140673711349332, "standard error");
        near(result.tau2(), 0.0411727968460696, "tau2");

        Path svg = out.resolve("forest.svg");
        Path png = out.resolve("forest.png");
        ForestPlot.of(result, ChartSpec.builder().title("Five surveys").build()).save(svg);
        ForestPlot.of(result, ChartSpec.builder().title("Five surveys").build()).save(png);
        check(Files.readString(svg).contains("Five surveys"), "the SVG has its title");
        check(Files.size(png) > 1000, "the PNG was drawn");

        // core is an explicit module; stats and charts are automatic modules named in their manifests.
        Module core = StudyCatalogue.class.getModule();
        check(core.isNamed() && !core.getDescriptor().isAutomatic()
                && core.getName().equals("org.smesurvey.core"), "org.smesurvey.core is an explicit module");
        check(MetaResult.class.getModule().getName().equals("org.smesurvey.stats"), "stats' module name");
        check(ForestPlot.class.getModule().getName().equals("org.smesurvey.charts"), "charts' module name");

        System.out.printf("module path: %d studies; pooled log-odds %.4f (SE %.4f, tau2 %.4f) as metafor;"
                + " forest plot in %s%n", catalogue.studies().size(), result.estimate(), result.standardError(),
                result.tau2(), out);
    }

    private static void near(double actual, double expected, String what) {
        check(Math.abs(actual - expected) <= TOLERANCE, what + ": " + actual + ", metafor " + expected);
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            System.err.println("module consumer: FAILED: " + what);
            System.exit(1);
        }
    }
}

package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.smesurvey.stats.meta.MetaAnalysis;
import org.smesurvey.stats.meta.Moderators;
import org.smesurvey.stats.meta.MultilevelResult;

/**
 * The adoption model: a three-level meta-regression of the figures' logits (figures nested in studies, REML,
 * metafor's {@code rma.mv(yi, vi, mods, random = ~ 1 | study/figure)}) on the dimensions the catalogue records:
 * <ul>
 *   <li>time, the fieldwork year centred at {@value #CENTRE_YEAR} — its coefficient is the log odds ratio per
 *       year, the speed of a logistic diffusion;</li>
 *   <li>size, the band's place on the log employee scale, centred on the figures' mean, and its product with time
 *       (small firms may diffuse later);</li>
 *   <li>the indicator (any social media, social networks, one platform, other), the network scope and the
 *       sampling method, as factors.</li>
 * </ul>
 * A column that is constant or a combination of others among the figures entered is left out, and named in
 * {@link Fit#dropped()}, as metafor drops redundant predictors. Country and respondent function are left to the
 * study effects in this version.
 *
 * @since 0.1
 */
public final class AdoptionModel {

    /** The year the time moderator is centred at. */
    public static final int CENTRE_YEAR = 2015;

    private AdoptionModel() {
    }

    /**
     * The fit of the model.
     *
     * @param data the figures entered and those left out
     * @param moderators the moderator columns kept
     * @param dropped the columns left out as redundant
     * @param result the multilevel fit
     */
    public record Fit(AdoptionData data, Moderators moderators, List<String> dropped, MultilevelResult result) {

        /**
         * Validates the fit.
         *
         * @param data the figures
         * @param moderators the columns kept
         * @param dropped the columns left out
         * @param result the multilevel fit
         * @throws NullPointerException if an argument is null
         */
        public Fit {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(moderators, "moderators");
            dropped = List.copyOf(dropped);
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Fits the model to the figures.
     *
     * @param data the figures, from {@link AdoptionData#of}
     * @return the fit
     * @throws IllegalStateException if no figure enters or the fit does not converge
     */
    public static Fit fit(AdoptionData data) {
        Objects.requireNonNull(data, "data");
        List<AdoptionData.Entry> entries = data.entries();
        int k = entries.size();
        if (k == 0) {
            throw new IllegalStateException("No figure of the catalogue can enter the model");
        }
        double meanSize = entries.stream().mapToDouble(AdoptionData.Entry::logSize).average().orElseThrow();
        Map<String, double[]> columns = new TreeMap<>();
        List<String> order = new ArrayList<>();
        double[] year = new double[k];
        double[] size = new double[k];
        double[] yearBySize = new double[k];
        for (int i = 0; i < k; i++) {
            year[i] = entries.get(i).year() - CENTRE_YEAR;
            size[i] = entries.get(i).logSize() - meanSize;
            yearBySize[i] = year[i] * size[i];
        }
        add(columns, order, "year", year);
        add(columns, order, "log size", size);
        add(columns, order, "year × log size", yearBySize);
        factor(columns, order, "indicator ", entries.stream().map(e -> indicator(e.figure().indicator().code()))
                .toArray(String[]::new), "social_media_any");
        factor(columns, order, "scope ", entries.stream().map(e -> e.figure().scope().code()).toArray(String[]::new),
                "mixed");
        factor(columns, order, "sampling ", entries.stream().map(e -> e.figure().study().method().sampling().code())
                .toArray(String[]::new), "probability");
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<double[]> basis = new ArrayList<>();
        basis.add(ones(k));
        for (String name : order) {
            double[] column = columns.get(name);
            if (independent(column, basis)) {
                kept.add(name);
            } else {
                dropped.add(name);
            }
        }
        Moderators.Builder builder = Moderators.builder(k);
        for (String name : kept) {
            builder.numeric(name, columns.get(name));
        }
        Moderators moderators = builder.build();
        MultilevelResult result = MetaAnalysis.withDefaults().multilevel(data.effectSizes(), data.studies(), moderators);
        return new Fit(data, moderators, dropped, result);
    }

    /** The indicators the model tells apart; the rest are "other". */
    private static String indicator(String code) {
        return switch (code) {
            case "social_media_any", "social_networks", "platform_use" -> code;
            default -> "other";
        };
    }

    private static void add(Map<String, double[]> columns, List<String> order, String name, double[] values) {
        columns.put(name, values);
        order.add(name);
    }

    /** One 0/1 column per level but the reference, levels in sorted order. */
    private static void factor(Map<String, double[]> columns, List<String> order, String prefix, String[] levels,
            String reference) {
        java.util.TreeSet<String> distinct = new java.util.TreeSet<>(List.of(levels));
        distinct.remove(reference);
        for (String level : distinct) {
            double[] dummy = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                dummy[i] = levels[i].equals(level) ? 1 : 0;
            }
            add(columns, order, prefix + level, dummy);
        }
    }

    private static double[] ones(int k) {
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /**
     * Whether a column adds a direction to the basis (modified Gram–Schmidt: its residual after the kept columns
     * is more than 1e-8 of its norm); if so it joins the basis, orthonormalised.
     */
    private static boolean independent(double[] column, List<double[]> basis) {
        double[] r = column.clone();
        double norm = Math.sqrt(dot(r, r));
        if (norm == 0) {
            return false;
        }
        for (double[] b : basis) {
            double bb = dot(b, b);
            double c = dot(r, b) / bb;
            for (int i = 0; i < r.length; i++) {
                r[i] -= c * b[i];
            }
        }
        double residual = Math.sqrt(dot(r, r));
        if (residual <= 1e-8 * norm) {
            return false;
        }
        basis.add(r);
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

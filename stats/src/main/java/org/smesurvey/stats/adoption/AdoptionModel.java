package org.smesurvey.stats.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
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
 *   <li>the indicator (any social media as reference, social networks, one platform, blogs, wikis…), the network
 *       scope, the sampling method, the country (the most frequent as reference) and who answered, as factors; an
 *       indicator, a country or a respondent function found in fewer than two studies is grouped as
 *       {@code other}, since a level of one study would only repeat that study's effect.</li>
 * </ul>
 * A column that is constant or a combination of others among the figures entered is left out, and named in
 * {@link Fit#dropped()}, as metafor drops redundant predictors.
 *
 * @since 0.1
 */
public final class AdoptionModel {

    /** The indicator the others are compared with: social media of any kind. */
    static final String REFERENCE_INDICATOR = "social_media_any";

    /** The year the time moderator is centred at. */
    public static final int CENTRE_YEAR = 2015;

    private AdoptionModel() {
    }

    /**
     * A column left out because the kept ones already determine it among these figures: it equals
     * \( \sum_j γ_j x_j \) for every figure, so its effect cannot be told apart from theirs.
     *
     * @param column the column left out, such as {@code sampling unknown}
     * @param combination the kept columns it equals, each with its coefficient γ (those above 1e-8 in size)
     */
    public record Redundant(String column, Map<String, Double> combination) {

        /**
         * Validates the column.
         *
         * @param column its name
         * @param combination the kept columns it equals
         * @throws NullPointerException if an argument is null
         */
        public Redundant {
            Objects.requireNonNull(column, "column");
            combination = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(combination));
        }

        /**
         * The column as an equation, such as {@code sampling unknown = + 1 × respondent ceo}.
         *
         * @return the equation
         */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(column).append(" =");
            combination.forEach((name, gamma) -> text.append(String.format(java.util.Locale.ROOT, " %s %.3g × %s",
                    gamma < 0 ? "-" : "+", Math.abs(gamma), name)));
            return text.toString();
        }
    }

    /**
     * The fit of the model.
     *
     * @param data the figures entered and those left out
     * @param moderators the moderator columns kept
     * @param redundant the columns left out as redundant, each with the kept columns it equals
     * @param meanLogSize the mean log size the size moderator is centred on
     * @param result the multilevel fit
     */
    public record Fit(AdoptionData data, Moderators moderators, List<Redundant> redundant, double meanLogSize,
            MultilevelResult result) {

        /**
         * Validates the fit.
         *
         * @param data the figures
         * @param moderators the columns kept
         * @param redundant the columns left out
         * @param meanLogSize the mean log size the size moderator is centred on
         * @param result the multilevel fit
         * @throws NullPointerException if an argument is null
         */
        public Fit {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(moderators, "moderators");
            redundant = List.copyOf(redundant);
            Objects.requireNonNull(result, "result");
        }

        /**
         * The names of the columns left out as redundant.
         *
         * @return their names, in the order they were met
         */
        public List<String> dropped() {
            return redundant.stream().map(Redundant::column).toList();
        }

        /**
         * The fit for a person: what entered (and what each entry assumes), the variance components, and each
         * coefficient as an odds ratio with its interval — the year's is the speed of diffusion, the others the
         * factor by which a dimension multiplies the odds of adoption.
         *
         * @return the text
         */
        public String summary() {
            StringBuilder text = new StringBuilder();
            java.util.EnumMap<AdoptionData.Assumption, Integer> counts = new java.util.EnumMap<>(
                    AdoptionData.Assumption.class);
            for (AdoptionData.Entry e : data.entries()) {
                e.assumptions().forEach(a -> counts.merge(a, 1, Integer::sum));
            }
            java.util.EnumMap<AdoptionData.Cause, Integer> causes = new java.util.EnumMap<>(AdoptionData.Cause.class);
            data.excluded().forEach(x -> causes.merge(x.cause(), 1, Integer::sum));
            text.append(String.format(java.util.Locale.ROOT, "Adoption model: %d figures of %d studies; %d figures left"
                    + " out (%s)%n", result.k(), result.clusters(), data.excluded().size(), causes.entrySet().stream()
                    .map(c -> c.getValue() + " " + c.getKey().words()).collect(java.util.stream.Collectors.joining(", "))));
            counts.forEach((a, n) -> text.append(String.format(java.util.Locale.ROOT, "  %d %s%n", n,
                    a.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))));
            for (Redundant r : redundant) {
                text.append("  left out as redundant: ").append(r).append('\n');
            }
            text.append(String.format(java.util.Locale.ROOT, "Between studies: sigma^2 = %.4f; between figures of a"
                    + " study: sigma^2 = %.4f%n", result.clusterVariance(), result.estimateVariance()));
            org.smesurvey.stats.meta.FitStatistics stats = result.fitStatistics(true);
            text.append(String.format(java.util.Locale.ROOT, "REML: logLik = %.2f, AIC = %.2f, BIC = %.2f, AICc = %.2f%n",
                    stats.logLikelihood(), stats.aic(), stats.bic(), stats.aicc()));
            text.append(String.format(java.util.Locale.ROOT, "%-28s %10s %21s%n", "", "odds ratio", "95 % CI"));
            for (org.smesurvey.stats.meta.Coefficient c : result.coefficients().subList(1, result.coefficients().size())) {
                text.append(String.format(java.util.Locale.ROOT, "%-28s %10.3f   [%7.3f, %7.3f]%n", c.name(),
                        Math.exp(c.estimate()), Math.exp(c.lower()), Math.exp(c.upper())));
            }
            return text.toString().stripTrailing();
        }

        /**
         * The speed of diffusion for a size band: the odds ratio of adoption per year,
         * \( \exp(β_{year} + β_{year×size}\,s) \) at the band's centred log size s, with its Wald interval from the
         * delta method on the log scale (\( \sqrt{g'V_βg} \), g the year and product columns' weights 1 and s).
         *
         * @param band the employee band
         * @return the odds ratio per year and its interval
         */
        public org.smesurvey.stats.Interval diffusionSpeed(org.smesurvey.core.SizeBand band) {
            Objects.requireNonNull(band, "band");
            double size = AdoptionData.logSize(band) - meanLogSize;
            List<String> names = moderators.names();
            double[] g = new double[names.size()];
            double log = 0;
            List<org.smesurvey.stats.meta.Coefficient> coefficients = result.coefficients();
            for (int j = 0; j < names.size(); j++) {
                g[j] = names.get(j).equals("year") ? 1 : names.get(j).equals("year × log size") ? size : 0;
                log += g[j] * coefficients.get(j).estimate();
            }
            double z = org.smesurvey.stats.internal.Distributions.z(result.level());
            double half = z * Math.sqrt(result.covariance(g));
            return new org.smesurvey.stats.Interval(Math.exp(log), Math.exp(log - half), Math.exp(log + half),
                    result.level());
        }

        /**
         * The figures the model fits worst: those whose standardised residual (metafor's {@code rstandard}) is
         * beyond ±{@code threshold}, largest first.
         *
         * @param threshold the bound, such as 2 or 3
         * @return the figures with their residuals
         * @throws IllegalArgumentException if the threshold is not positive
         */
        public List<Outlier> outliers(double threshold) {
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("Threshold is not positive: " + threshold);
            }
            double[] z = result.standardisedResiduals();
            List<Outlier> out = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                if (Math.abs(z[i]) > threshold) {
                    out.add(new Outlier(data.entries().get(i).figure(), z[i]));
                }
            }
            out.sort((a, b) -> Double.compare(Math.abs(b.residual()), Math.abs(a.residual())));
            return List.copyOf(out);
        }

        /**
         * The moderators' values for a kind of figure, in the design's column order without the intercept.
         *
         * @param figure what is predicted
         * @param year the fieldwork year
         * @return the values, for {@link MultilevelResult#predict(double...)}
         */
        public double[] row(Kind figure, double year) {
            Objects.requireNonNull(figure, "figure");
            double t = year - CENTRE_YEAR;
            double size = AdoptionData.logSize(figure.band()) - meanLogSize;
            String indicator = indicatorLevel(figure.indicator());
            List<String> names = moderators.names();
            double[] row = new double[names.size() - 1];
            for (int j = 1; j < names.size(); j++) {
                String name = names.get(j);
                row[j - 1] = switch (name) {
                    case "year" -> t;
                    case "log size" -> size;
                    case "year × log size" -> t * size;
                    default -> name.equals("indicator " + indicator)
                            || name.equals("scope " + figure.scope().code())
                            || name.equals("sampling " + figure.sampling().code())
                            || name.equals("country " + figure.country())
                            || name.equals("respondent " + figure.respondent()) ? 1 : 0;
                };
            }
            return row;
        }

        /** The model's level for an indicator: its own, or {@code other} for one found in fewer than two studies. */
        private String indicatorLevel(String code) {
            long studies = data.entries().stream().filter(e -> e.figure().indicator().code().equals(code))
                    .map(e -> e.figure().study().id()).distinct().count();
            if (studies == 0) {
                throw new IllegalArgumentException("No figure of indicator " + code + " entered the model");
            }
            return studies >= 2 ? code : "other";
        }

        /**
         * Predicted adoption of a kind of figure in a year, on the logit scale with its confidence and prediction
         * intervals (the latter for a new study's figure: both variance components added).
         *
         * @param figure what is predicted
         * @param year the fieldwork year
         * @return the prediction on the logit scale; its {@code confidenceAsProportion()} and
         *         {@code predictionAsProportion()} give it as shares
         */
        public org.smesurvey.stats.meta.Prediction predict(Kind figure, double year) {
            return result.predict(row(figure, year));
        }

        /**
         * The year a kind of figure reaches a level of adoption: where the fitted logit line crosses
         * \( \operatorname{logit}(L) \), \( t^* = (\operatorname{logit}L - c'β)/(d'β) \) with c the design row at
         * the centre year and d its derivative in the year, and its delta-method standard error
         * \( \sqrt{(c + t^*d)'V_β(c + t^*d)}/|d'β| \).
         *
         * @param figure what is predicted
         * @param level the adoption level, in (0, 1), such as 0.5 or 0.8
         * @return the year and its standard error, {@code [year, se]}
         * @throws IllegalArgumentException if the level is not in (0, 1)
         * @throws IllegalStateException if adoption does not change with time for this kind of figure
         */
        public double[] yearReaching(Kind figure, double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("Adoption level is not in (0, 1): " + level);
            }
            double[] c = row(figure, CENTRE_YEAR);
            double[] d = new double[c.length];
            double size = AdoptionData.logSize(figure.band()) - meanLogSize;
            String indicator = indicatorLevel(figure.indicator());
            List<String> names = moderators.names();
            for (int j = 1; j < names.size(); j++) {
                d[j - 1] = names.get(j).equals("year") ? 1 : names.get(j).equals("year × log size") ? size : 0;
            }
            double[] crossing = crossing(c, d, level);
            return new double[] {CENTRE_YEAR + crossing[0], crossing[1]};
        }

        /**
         * Where the line \( η(t) = (1, c + t d)'β \) crosses \( \operatorname{logit}L \), with its delta-method standard
         * error: {@code c} and {@code d} without the intercept.
         */
        double[] crossing(double[] c, double[] d, double level) {
            List<org.smesurvey.stats.meta.Coefficient> coefficients = result.coefficients();
            double cb = coefficients.get(0).estimate();
            double db = 0;
            for (int j = 0; j < c.length; j++) {
                cb += c[j] * coefficients.get(j + 1).estimate();
                db += d[j] * coefficients.get(j + 1).estimate();
            }
            if (db == 0) {
                throw new IllegalStateException("Adoption does not change with time for this kind of figure");
            }
            double t = (Math.log(level / (1 - level)) - cb) / db;
            double[] g = new double[c.length + 1];
            g[0] = 1;
            for (int j = 0; j < c.length; j++) {
                g[j + 1] = c[j] + t * d[j];
            }
            return new double[] {t, Math.sqrt(result.covariance(g)) / Math.abs(db)};
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
        factor(columns, order, "indicator ", grouped(entries, e -> e.figure().indicator().code()),
                REFERENCE_INDICATOR);
        factor(columns, order, "scope ", entries.stream().map(e -> e.figure().scope().code()).toArray(String[]::new),
                "mixed");
        factor(columns, order, "sampling ", entries.stream().map(e -> e.figure().study().method().sampling().code())
                .toArray(String[]::new), "probability");
        factor(columns, order, "country ", grouped(entries, e -> e.figure().region().code()), null);
        factor(columns, order, "respondent ", grouped(entries, e -> respondent(e.figure().study())), "unknown");
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<RealVector> basis = new ArrayList<>();
        basis.add(new ArrayRealVector(k, 1 / Math.sqrt(k))); // the intercept, normalised
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
        List<Redundant> redundant = new ArrayList<>();
        if (!dropped.isEmpty()) {
            // Each redundant column is exactly a combination of the kept ones (least squares, exact here): it says
            // which parts of a gap carry the dropped column's effect.
            RealMatrix x = new Array2DRowRealMatrix(k, moderators.columns());
            for (int i = 0; i < k; i++) {
                x.setRow(i, moderators.rowArrayOf(i));
            }
            var solver = new QRDecomposition(x).getSolver();
            for (String name : dropped) {
                double[] gamma = solver.solve(new ArrayRealVector(columns.get(name), false)).toArray();
                Map<String, Double> combination = new java.util.LinkedHashMap<>();
                for (int j = 0; j < gamma.length; j++) {
                    if (Math.abs(gamma[j]) > 1e-8) {
                        combination.put(moderators.names().get(j), gamma[j]);
                    }
                }
                redundant.add(new Redundant(name, combination));
            }
        }
        MultilevelResult result = MetaAnalysis.withDefaults().multilevel(data.effectSizes(), data.studies(), moderators);
        return new Fit(data, moderators, redundant, meanSize, result);
    }

    /**
     * A figure the model fits badly.
     *
     * @param figure the figure
     * @param residual its standardised residual
     */
    public record Outlier(org.smesurvey.core.Observation figure, double residual) {
    }

    /**
     * A kind of figure the model predicts: its size band, indicator, network scope and sampling method.
     *
     * @param band the employee band
     * @param indicator the indicator's code, such as {@code social_networks}
     * @param scope the network scope
     * @param sampling how the companies were sampled
     * @param country the region's code, such as {@code FR} (a country of fewer than two studies is {@code other})
     * @param respondent who answered: a respondent function's code, {@code several}, or {@code unknown}
     */
    public record Kind(org.smesurvey.core.SizeBand band, String indicator, org.smesurvey.core.NetworkScope scope,
            org.smesurvey.core.Sampling sampling, String country, String respondent) {

        /**
         * Validates the kind.
         *
         * @param band the employee band
         * @param indicator the indicator's code
         * @param scope the network scope
         * @param sampling how the companies were sampled
         * @param country the region's code
         * @param respondent who answered
         * @throws NullPointerException if an argument is null
         */
        public Kind {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(respondent, "respondent");
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(sampling, "sampling");
        }
    }

    /**
     * The model refitted under other assumed samples for the figures with neither a base nor a study sample size
     * (see {@link AdoptionData}): what the choice moves. Each fit is on the same figures.
     *
     * @param catalogue the figures
     * @param assumedSamples the samples to try, such as 100, 1,000 and 10,000
     * @return one fit per sample, in the order given
     * @throws IllegalArgumentException if no sample is given or one is less than 1
     */
    public static List<Fit> sensitivity(org.smesurvey.core.StudyCatalogue catalogue, int... assumedSamples) {
        Objects.requireNonNull(catalogue, "catalogue");
        if (Objects.requireNonNull(assumedSamples, "assumedSamples").length == 0) {
            throw new IllegalArgumentException("No assumed sample to try");
        }
        List<Fit> fits = new ArrayList<>();
        for (int n : assumedSamples) {
            fits.add(fit(AdoptionData.of(catalogue, n)));
        }
        return List.copyOf(fits);
    }

    /** Who answered, as one code: the function, or {@code several}. */
    static String respondent(org.smesurvey.core.Study study) {
        List<org.smesurvey.core.RespondentFunction> functions = study.respondentsInOrder();
        return functions.size() == 1 ? functions.get(0).code() : "several";
    }

    /**
     * A study-level factor's levels, those found in fewer than two studies grouped as {@code other}: a level of a
     * single study would only repeat that study's own effect.
     */
    private static String[] grouped(List<AdoptionData.Entry> entries,
            java.util.function.Function<AdoptionData.Entry, String> level) {
        Map<String, java.util.Set<String>> studies = new TreeMap<>();
        for (AdoptionData.Entry e : entries) {
            studies.computeIfAbsent(level.apply(e), l -> new java.util.HashSet<>()).add(e.figure().study().id());
        }
        return entries.stream().map(e -> studies.get(level.apply(e)).size() >= 2 ? level.apply(e) : "other")
                .toArray(String[]::new);
    }

    private static void add(Map<String, double[]> columns, List<String> order, String name, double[] values) {
        columns.put(name, values);
        order.add(name);
    }

    /** One 0/1 column per level but the reference (null: the most frequent level), levels in sorted order. */
    private static void factor(Map<String, double[]> columns, List<String> order, String prefix, String[] levels,
            String reference) {
        java.util.TreeSet<String> distinct = new java.util.TreeSet<>(List.of(levels));
        if (reference == null) {
            Map<String, Long> counts = new TreeMap<>();
            for (String l : levels) {
                counts.merge(l, 1L, Long::sum);
            }
            reference = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
        distinct.remove(reference);
        for (String level : distinct) {
            double[] dummy = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                dummy[i] = levels[i].equals(level) ? 1 : 0;
            }
            add(columns, order, prefix + level, dummy);
        }
    }


    /**
     * Whether a column adds a direction to the orthonormal basis (modified Gram–Schmidt: its residual after the
     * kept columns is more than 1e-8 of its norm); if so its normalised residual joins the basis.
     */
    private static boolean independent(double[] column, List<RealVector> basis) {
        RealVector r = new ArrayRealVector(column);
        double norm = r.getNorm();
        if (norm == 0) {
            return false;
        }
        for (RealVector b : basis) {
            r = r.subtract(b.mapMultiply(r.dotProduct(b)));
        }
        double residual = r.getNorm();
        if (residual <= 1e-8 * norm) {
            return false;
        }
        basis.add(r.mapDivide(residual));
        return true;
    }
}

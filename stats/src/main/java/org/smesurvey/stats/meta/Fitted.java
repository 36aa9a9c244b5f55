package org.smesurvey.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smesurvey.stats.TestResult;
import org.smesurvey.stats.internal.Distributions;

/**
 * One fitted model: what metafor's {@code rma.uni} returns, computed once and read by {@link MetaResult} and
 * {@link MetaRegression}.
 */
final class Fitted {

    final MetaAnalysis options;
    final EffectSizes studies;
    final Moderators moderators;
    final Model model;
    final int k;
    final int p;
    final double tau2;
    final OptionalDouble tau2StandardError;
    final int iterations;
    final double[] beta;
    final double[][] vb;
    final double[] se;
    final double[] statistic;
    final double[] pValue;
    final double[] lower;
    final double[] upper;
    final double degreesOfFreedom;
    final double critical;
    final double qe;
    final double qeP;
    final double vt;
    final double i2;
    final double h2;
    final double qm;
    final double qmDf;
    final double qmP;
    /** Knapp–Hartung's scale factor s², 1 without it. */
    final double s2w;
    /** The studies' weights in percent, computed on first use. */
    private double[] weights;

    Fitted(MetaAnalysis options, EffectSizes studies, Moderators moderators, boolean withTau2StandardError) {
        this.options = options;
        this.studies = studies;
        this.moderators = moderators;
        if (moderators.studies() != studies.size()) {
            throw new IllegalArgumentException("The moderators have " + moderators.studies() + " rows for "
                    + studies.size() + " studies");
        }
        model = new Model(studies.yArray(), studies.vArray(), moderators.rowArray());
        k = model.k;
        p = model.p;
        if (k < p) {
            throw new IllegalArgumentException("The model has more coefficients (" + p + ") than studies (" + k + ")");
        }
        boolean knha = options.knappHartung();
        if (knha && k <= p) {
            throw new IllegalArgumentException("Knapp-Hartung needs more studies than coefficients: k = " + k
                    + ", p = " + p);
        }
        Tau2Estimation.Estimate estimate = Tau2Estimation.estimate(model, options.estimator(), options.tolerance(),
                options.maxIterations(), withTau2StandardError);
        tau2 = estimate.tau2();
        tau2StandardError = estimate.standardError();
        iterations = estimate.iterations();

        Model.Wls fit = model.wls(Model.weights(model.v, tau2));
        beta = model.raw(fit.beta);
        s2w = !knha ? 1 : fit.rss <= Math.ulp(1.0) ? 0 : fit.rss / (k - p);
        vb = model.rawCovariance(fit.a);
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                vb[r][c] *= s2w;
            }
        }
        degreesOfFreedom = knha ? k - p : Double.NaN;
        critical = knha ? Distributions.t(options.level(), k - p) : Distributions.z(options.level());
        se = new double[p];
        statistic = new double[p];
        pValue = new double[p];
        lower = new double[p];
        upper = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(vb[j][j]);
            if (se[j] > 0) {
                statistic[j] = beta[j] / se[j];
                pValue[j] = knha ? Distributions.tTwoSided(statistic[j], k - p) : Distributions.normalTwoSided(statistic[j]);
            } else {
                // Identical studies under Knapp-Hartung: no residual variation, as metafor's s2w = 0.
                statistic[j] = beta[j] == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, beta[j]);
                pValue[j] = beta[j] == 0 ? 1 : 0;
            }
            lower[j] = beta[j] - critical * se[j];
            upper[j] = beta[j] + critical * se[j];
        }

        if (k > p) {
            Model.Wls fixed = model.wls(Model.weights(model.v, 0));
            qe = Math.max(0, fixed.rss);
            qeP = Distributions.chiSquareUpperTail(qe, k - p);
            vt = (k - p) / model.traceP(fixed);
            if (options.estimator() == Tau2Estimator.EE) {
                i2 = qe == 0 ? 0 : Math.max(0, 100 * (qe - (k - p)) / qe);
                h2 = qe / (k - p);
            } else {
                i2 = 100 * tau2 / (vt + tau2);
                h2 = tau2 / vt + 1;
            }
        } else {
            qe = 0;
            qeP = 1;
            vt = 0;
            i2 = 0;
            h2 = 1;
        }

        int first = moderators.hasIntercept() ? 1 : 0;
        int m = p - first;
        if (m > 0) {
            // b'(Vb_SS)^-1 b with Vb = s2w (X'WX)^-1, from the fit's R: no second inversion.
            double wald = Model.trailingWald(fit, first);
            double quadratic = s2w == 1 ? wald : wald == 0 ? 0 : wald / s2w;
            qmDf = m;
            if (knha) {
                qm = quadratic / m;
                qmP = Distributions.fUpperTail(qm, m, k - p);
            } else {
                qm = quadratic;
                qmP = Distributions.chiSquareUpperTail(qm, m);
            }
        } else {
            qm = Double.NaN;
            qmDf = 0;
            qmP = Double.NaN;
        }
    }

    /** The coefficients, named by the moderators' columns. */
    List<Coefficient> coefficients() {
        List<Coefficient> coefficients = new ArrayList<>(p);
        List<String> names = moderators.names();
        for (int j = 0; j < p; j++) {
            coefficients.add(new Coefficient(names.get(j), beta[j], se[j], statistic[j], pValue[j], lower[j], upper[j]));
        }
        return List.copyOf(coefficients);
    }

    /** Cochran's Q (residual when there are moderators) on k − p degrees of freedom. */
    TestResult heterogeneityTest() {
        return TestResult.of(p == 1 && moderators.hasIntercept() ? "Test for heterogeneity"
                : "Test for residual heterogeneity", qe, k - p, qeP);
    }

    /** The moderators' omnibus test, χ² or F under Knapp–Hartung; empty without moderators. */
    Optional<TestResult> moderatorTest() {
        if (qmDf == 0) {
            return Optional.empty();
        }
        return Optional.of(options.knappHartung()
                ? TestResult.f("Test of moderators", qm, qmDf, k - p, qmP)
                : TestResult.of("Test of moderators", qm, qmDf, qmP));
    }

    /** A study's weight in percent, as metafor's {@code weights(res)}. */
    double weight(int i) {
        java.util.Objects.checkIndex(i, k);
        if (weights == null) {
            double[] w = Model.weights(model.v, tau2);
            double sum = Tau2Estimation.sum(w);
            for (int j = 0; j < w.length; j++) {
                w[j] = 100 * w[j] / sum;
            }
            weights = w;
        }
        return weights[i];
    }

    /** metafor's {@code fitstats}: see {@link FitStatistics}. */
    FitStatistics fitStatistics(boolean restricted) {
        double logLik = model.logLikelihood(tau2, restricted);
        int parameters = p + (options.estimator() == Tau2Estimator.EE ? 0 : 1);
        double n = restricted ? k - p : k;
        double deviance;
        if (restricted) {
            deviance = -2 * logLik;
        } else if (k > p) {
            double saturated = 0;
            for (double vi : model.v) {
                saturated += -0.5 * Math.log(2 * Math.PI * vi);
            }
            deviance = -2 * (logLik - saturated);
        } else {
            deviance = 0;
        }
        double aic = -2 * logLik + 2 * parameters;
        double bic = -2 * logLik + parameters * Math.log(n);
        double m = Math.max(n, parameters + 2);
        double aicc = -2 * logLik + 2 * parameters * m / (m - parameters - 1);
        return new FitStatistics(restricted, logLik, deviance, aic, bic, aicc);
    }
}

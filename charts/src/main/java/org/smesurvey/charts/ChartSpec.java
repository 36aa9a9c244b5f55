package org.smesurvey.charts;

import java.util.Objects;

/**
 * What every chart shares: its title and subtitle, the language of its labels, and the level of the intervals
 * it draws for single figures (pooled results keep their analysis' level). Immutable; build one with
 * {@link #builder()}, or take {@link #defaults()}.
 *
 * <pre>{@code
 * ChartSpec spec = ChartSpec.builder().title("Usage des réseaux sociaux").language(Language.FRENCH).build();
 * }</pre>
 *
 * @param title the title; empty for the chart's own
 * @param subtitle a line under the title; may be empty
 * @param language the language of the labels
 * @param level the confidence level of the figures' intervals, in (0, 1)
 * @since 0.1
 */
public record ChartSpec(String title, String subtitle, Language language, double level) {

    /**
     * Validates the spec.
     *
     * @param title the title; empty for the chart's own
     * @param subtitle a line under the title; may be empty
     * @param language the language of the labels
     * @param level the confidence level of the figures' intervals, in (0, 1)
     * @throws NullPointerException if a text or the language is null
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public ChartSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(language, "language");
        Arguments.requireOpenUnit(level, "level");
    }

    /**
     * English labels, 95 % intervals, each chart's own title.
     *
     * @return the default spec
     */
    public static ChartSpec defaults() {
        return new ChartSpec("", "", Language.ENGLISH, 0.95);
    }

    /**
     * A builder starting from the {@linkplain #defaults() defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The title given, or the chart's own. */
    String titleOr(String own) {
        return title.isEmpty() ? own : title;
    }

    /**
     * Builds a {@link ChartSpec}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String title = "";
        private String subtitle = "";
        private Language language = Language.ENGLISH;
        private double level = 0.95;

        private Builder() {
        }

        /**
         * Sets the title.
         *
         * @param title the title; empty for the chart's own
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the subtitle.
         *
         * @param subtitle a line under the title; may be empty
         * @return this builder
         */
        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /**
         * Sets the language of the labels.
         *
         * @param language the language
         * @return this builder
         */
        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        /**
         * Sets the confidence level of the figures' intervals.
         *
         * @param level the level, in (0, 1)
         * @return this builder
         */
        public Builder level(double level) {
            this.level = level;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws NullPointerException if a text or the language is null
         * @throws IllegalArgumentException if the level is not in (0, 1)
         */
        public ChartSpec build() {
            return new ChartSpec(title, subtitle, language, level);
        }
    }
}

package org.smesurvey.stats.survey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Respondent-level data read by {@link RespondentReader}: the design, and the answers, categories and numbers by column.
 * Immutable: arrays handed out are copies.
 *
 * @since 0.1
 */
public final class Respondents {

    private final SurveyDesign design;
    private final Map<String, Answers> answers;
    /** Categories coded as read: a hundred million labels would take a reference each, codes take an int. */
    private final Map<String, Coding> categories;
    private final Map<String, double[]> numbers;

    Respondents(SurveyDesign design, Map<String, Answers> answers, Map<String, Coding> categories,
            Map<String, double[]> numbers) {
        this.design = design;
        this.answers = answers;
        this.categories = categories;
        this.numbers = numbers;
    }

    /**
     * The sampling design: weights, strata, clusters, finite population correction.
     *
     * @return the design
     */
    public SurveyDesign design() {
        return design;
    }

    /**
     * The number of respondents.
     *
     * @return n
     */
    public int size() {
        return design.size();
    }

    /**
     * A yes/no column, with its missing answers.
     *
     * @param column its name
     * @return each respondent's answer
     * @throws IllegalArgumentException if the column was not read as answers
     */
    public Answers answers(String column) {
        Answers values = answers.get(Objects.requireNonNull(column, "column"));
        if (values == null) {
            throw new IllegalArgumentException("No answer column " + column + "; the answers are " + answers.keySet());
        }
        return values;
    }

    /**
     * A categorical column.
     *
     * @param column its name
     * @return each respondent's category
     * @throws IllegalArgumentException if the column was not read as categories
     */
    public String[] categories(String column) {
        Coding coding = coding(column);
        String[] names = coding.names().toArray(String[]::new);
        int[] codes = coding.codes();
        String[] values = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = names[codes[i]];
        }
        return values;
    }

    /**
     * A categorical column as domains, coded once when it was read: what every estimate by domain takes, without
     * hashing the labels again ({@code Domains.of(categories(column))} gives the same domains).
     *
     * @param column its name
     * @return each respondent's category, as domains
     * @throws IllegalArgumentException if the column was not read as categories
     */
    public Domains domains(String column) {
        return Domains.of(coding(column));
    }

    /**
     * A categorical column as domains in the order of declared levels, as a factor's — size bands from the
     * smallest: every estimate by these domains comes in that order, as svyby gives {@code factor(column, levels =
     * levels)}'s ({@link Domains#of(String[], List)}).
     *
     * @param column its name
     * @param levels every category, each once, in their order
     * @return each respondent's category, as domains in that order
     * @throws IllegalArgumentException if the column was not read as categories, a category is not among the levels
     *         or the levels repeat one
     */
    public Domains domains(String column, List<String> levels) {
        return domains(column).inOrder(levels);
    }

    private Coding coding(String column) {
        Coding coding = categories.get(Objects.requireNonNull(column, "column"));
        if (coding == null) {
            throw new IllegalArgumentException("No category column " + column + "; the categories are "
                    + categories.keySet());
        }
        return coding;
    }

    /**
     * A numeric column.
     *
     * @param column its name
     * @return each respondent's value
     * @throws IllegalArgumentException if the column was not read as numbers
     */
    public double[] numbers(String column) {
        double[] values = numbers.get(Objects.requireNonNull(column, "column"));
        if (values == null) {
            throw new IllegalArgumentException("No numeric column " + column + "; the numeric columns are "
                    + numbers.keySet());
        }
        return values.clone();
    }

    /**
     * The names of the numeric columns.
     *
     * @return the names, in the reader's order
     */
    public Set<String> numberColumns() {
        return numbers.keySet();
    }

    /**
     * The names of the answer columns.
     *
     * @return the names, in the reader's order
     */
    public Set<String> answerColumns() {
        return answers.keySet();
    }

    /**
     * The names of the category columns.
     *
     * @return the names, in the reader's order
     */
    public Set<String> categoryColumns() {
        return categories.keySet();
    }
}

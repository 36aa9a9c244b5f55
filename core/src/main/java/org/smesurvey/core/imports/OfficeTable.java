package org.smesurvey.core.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Indicator;
import org.smesurvey.core.NetworkScope;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Sectors;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.io.CsvReader;
import org.smesurvey.core.io.InputFormatException;
import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Numbers;
import org.smesurvey.core.io.Problems;
import org.smesurvey.core.io.Row;
import org.smesurvey.core.io.TableSpec;

/**
 * Reads a national statistical office's table export — dimension columns and one value column, percentages with a
 * decimal comma, no year and no base in the file, as INE, Destatis or Istat tables download — into a catalogue,
 * with a mapping the user gives: which column holds the value, which holds an area within the study's country
 * (its labels narrow the population: "enterprises in Andalucía"), which holds the activity (each label's NACE
 * sections), which holds the indicator, and what the file lacks — the study (publisher, country, population,
 * method), the year, the size band.
 *
 * <p>Values: a decimal number with a point or a comma and an optional {@code %} (a percentage of enterprises);
 * {@code ..}, {@code -}, {@code :} and empty cells are "not available" and are left out, counted. A label the
 * mapping does not know (an activity without sections, an indicator without a code) leaves its row out, counted
 * with the label — never a silent guess; a value that is not a number or outside 0–100 is a problem placed by line
 * and column. A figure given twice (the same indicator, area and sections) is a problem naming both lines when
 * the values differ, and kept once, counted, when they agree. Every figure is without a base, as these tables
 * publish none. A file of any size is read in two streamed passes, as {@link EurostatTable} reads, so that memory
 * grows with the figures, never with the file, and a file with a problem fails before any figure is kept.
 *
 * <p>Immutable once built; build one with {@link #forStudy(Study)}.
 *
 * @since 0.1
 */
public final class OfficeTable {

    private static final Set<String> NOT_AVAILABLE = Set.of("", "..", "-", ":", "...");

    /**
     * What an indicator label becomes.
     *
     * @param code the catalogue's indicator code ({@code social_media_any})
     * @param wording the figure's wording
     * @param scope the networks it is about
     */
    public record IndicatorCode(String code, String wording, NetworkScope scope) {

        /**
         * Validates the mapping.
         *
         * @param code the catalogue's indicator code
         * @param wording the figure's wording
         * @param scope the networks it is about
         * @throws NullPointerException if an argument is null
         */
        public IndicatorCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(wording, "wording");
            Objects.requireNonNull(scope, "scope");
        }
    }

    private final Builder b;

    private OfficeTable(Builder builder) {
        this.b = builder;
    }

    /**
     * Starts a mapping for a study the user describes (the table says nothing of it).
     *
     * @param study the study: publisher, country, population, method, sources
     * @return a builder
     */
    public static Builder forStudy(Study study) {
        return new Builder(Objects.requireNonNull(study, "study"));
    }

    /**
     * Reads a table with this mapping.
     *
     * @param source the file, comma- or semicolon-separated with a header
     * @return the catalogue of one study and what was left out
     * @throws InputFormatException listing every problem with its line and column (a missing column, a value
     *         that is not a percentage)
     * @throws IOException if the source cannot be read
     */
    public Imported read(InputSource source) throws IOException {
        Objects.requireNonNull(source, "source");
        List<String> required = new ArrayList<>(List.of(b.value));
        b.area.ifPresent(required::add);
        b.sector.ifPresent(required::add);
        b.indicatorColumn.ifPresent(required::add);
        // Two streamed passes, so that memory is bounded by the figures, never by the file, and a file with a
        // problem fails before any figure is kept: the first checks every row and records each figure's key,
        // line and value; the second, only for a file without problems, builds the figures.
        FigureIndex index = new FigureIndex();
        CsvReader reader = CsvReader.of(TableSpec.open(required)).withCharset(b.charset);
        Problems problems = new Problems();
        Map<String, Long> checked = new TreeMap<>();
        reader.read(source, problems, row -> observation(row, checked, index, false));
        problems.throwIfAny("the office's table");
        List<Observation> observations = new ArrayList<>();
        Map<String, Long> leftOut = new TreeMap<>();
        reader.read(source, problems, row -> {
            Observation observation = observation(row, leftOut, index, true);
            if (observation != null) {
                observations.add(observation);
            }
        });
        problems.throwIfAny("the office's table");
        return new Imported(StudyCatalogue.of(List.of(b.study), observations), leftOut);
    }

    /**
     * A row's figure: in the first pass (not {@code building}) recorded in the index, checked against what the
     * index has, and null; in the second, built if the row is where the figure is first given.
     */
    private Observation observation(Row row, Map<String, Long> leftOut, FigureIndex index, boolean building) {
        String text = row.text(b.value).strip();
        if (NOT_AVAILABLE.contains(text)) {
            leftOut.merge("not available (" + (text.isEmpty() ? "empty" : text) + ")", 1L, Long::sum);
            return null;
        }
        double value;
        try {
            value = Numbers.finite(text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text);
        } catch (IllegalArgumentException e) {
            row.fail(b.value, text, "is not a percentage: " + e.getMessage());
            return null;
        }
        if (!(value >= 0 && value <= 100)) {
            row.fail(b.value, text, "is not a percentage of enterprises (0 to 100)");
            return null;
        }
        StringBuilder notes = new StringBuilder();
        Optional<Sectors> sectors = Optional.empty();
        if (b.sector.isPresent()) {
            String label = row.text(b.sector.get()).strip();
            notes.append(b.sector.get()).append(": ").append(label);
            if (!label.equals(b.allSectors)) {
                Sectors mapped = b.sectors.get(label);
                if (mapped == null) {
                    leftOut.merge("activity '" + label + "' has no sections in the mapping", 1L, Long::sum);
                    return null;
                }
                sectors = Optional.of(mapped);
            }
        }
        String denominator = "";
        if (b.area.isPresent()) {
            String label = row.text(b.area.get()).strip();
            notes.append(notes.isEmpty() ? "" : "; ").append(b.area.get()).append(": ").append(label);
            if (!label.equals(b.wholeArea)) {
                denominator = "enterprises in " + label;
            }
        }
        IndicatorCode indicator = b.indicator;
        if (b.indicatorColumn.isPresent()) {
            String label = row.text(b.indicatorColumn.get()).strip();
            indicator = b.indicators.get(label);
            if (indicator == null) {
                leftOut.merge("indicator '" + label + "' has no code in the mapping", 1L, Long::sum);
                return null;
            }
        }
        // One value per figure: the same indicator, area and sections twice is a figure given twice.
        String figure = indicator.code() + (notes.isEmpty() ? "" : "; " + notes);
        String key = indicator.code() + "\n" + denominator + "\n" + sectors;
        if (!building) {
            FigureIndex.Earlier before = index.put(key, row.line(), value);
            if (before != null && before.value() != value) {
                row.fail(b.value, text, String.format(Locale.ROOT, "is a second value for the figure %s, given as"
                        + " %s at line %d and here at line %d: expected one value per figure", figure,
                        before.valueText(), before.line(), row.line()));
            } else if (before != null) {
                leftOut.merge("repeated with the same value (kept once)", 1L, Long::sum);
            }
            return null;
        }
        if (index.firstLine(key) != row.line()) {
            leftOut.merge("repeated with the same value (kept once)", 1L, Long::sum);
            return null;
        }
        Observation.Builder o = Observation.builder(b.study, Indicator.of(indicator.code(), indicator.wording()),
                indicator.scope(), new Figure.Unbased(value / 100)).denominator(denominator)
                .notes(notes.toString());
        b.year.ifPresent(o::year);
        b.sizeBand.ifPresent(band -> o.size(b.sizeLabel, band));
        sectors.ifPresent(o::sectors);
        return o.build();
    }

    /**
     * Builds an {@link OfficeTable} mapping. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Study study;
        private String value;
        private Optional<String> area = Optional.empty();
        private String wholeArea = "";
        private Optional<String> sector = Optional.empty();
        private String allSectors = "";
        private Map<String, Sectors> sectors = Map.of();
        private Optional<String> indicatorColumn = Optional.empty();
        private Map<String, IndicatorCode> indicators = Map.of();
        private IndicatorCode indicator;
        private OptionalInt year = OptionalInt.empty();
        private Optional<SizeBand> sizeBand = Optional.empty();
        private String sizeLabel = "";
        private Charset charset = StandardCharsets.UTF_8;

        private Builder(Study study) {
            this.study = study;
        }

        /**
         * Names the value column (required).
         *
         * @param column the column of percentages
         * @return this builder
         */
        public Builder value(String column) {
            this.value = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * Names the column of areas within the study's country (regions, provinces); their figures are shares of
         * the area's enterprises.
         *
         * @param column the column
         * @param whole the label that means the whole country ("Total Nacional")
         * @return this builder
         */
        public Builder area(String column, String whole) {
            this.area = Optional.of(Objects.requireNonNull(column, "column"));
            this.wholeArea = Objects.requireNonNull(whole, "whole");
            return this;
        }

        /**
         * Names the activity column and gives each label's NACE sections.
         *
         * @param column the column
         * @param all the label of every activity the study covers ("Total")
         * @param labels each other label's sections
         * @return this builder
         */
        public Builder sectors(String column, String all, Map<String, Sectors> labels) {
            this.sector = Optional.of(Objects.requireNonNull(column, "column"));
            this.allSectors = Objects.requireNonNull(all, "all");
            this.sectors = Map.copyOf(Objects.requireNonNull(labels, "labels"));
            return this;
        }

        /**
         * Sets the one indicator of a table that measures one thing.
         *
         * @param indicator its code, wording and scope
         * @return this builder
         */
        public Builder indicator(IndicatorCode indicator) {
            this.indicator = Objects.requireNonNull(indicator, "indicator");
            return this;
        }

        /**
         * Names the indicator column of a table that measures several things, and gives each label's code.
         *
         * @param column the column
         * @param labels each label's code, wording and scope
         * @return this builder
         */
        public Builder indicators(String column, Map<String, IndicatorCode> labels) {
            this.indicatorColumn = Optional.of(Objects.requireNonNull(column, "column"));
            this.indicators = Map.copyOf(Objects.requireNonNull(labels, "labels"));
            return this;
        }

        /**
         * Sets the year of every figure, which the file does not state (the study's fieldwork year otherwise).
         *
         * @param year the year
         * @return this builder
         * @throws IllegalArgumentException if the year is outside 1900–2100 or outside the study's fieldwork
         */
        public Builder year(int year) {
            if (!(year >= 1900 && year <= 2100)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Year is not in 1900-2100: year(%d)", year));
            }
            if (study.fieldwork().isPresent() && !study.fieldwork().get().contains(year)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Year is outside the fieldwork %s of"
                        + " study %s: year(%d); the figures' year must be within it", study.fieldwork().get(),
                        study.id(), year));
            }
            this.year = OptionalInt.of(year);
            return this;
        }

        /**
         * Sets the size class of every figure ("10 or more employees").
         *
         * @param label the class's name as the office gives it
         * @param band its employees
         * @return this builder
         */
        public Builder size(String label, SizeBand band) {
            this.sizeLabel = Objects.requireNonNull(label, "label");
            this.sizeBand = Optional.of(Objects.requireNonNull(band, "band"));
            return this;
        }

        /**
         * Sets the character set ({@code UTF-8} unless set), such as {@code windows-1252} for an export saved by
         * Excel on Windows.
         *
         * @param charset the character set
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws IllegalStateException if no value column is named, or neither an indicator nor an indicator
         *         column is given
         */
        public OfficeTable build() {
            if (value == null) {
                throw new IllegalStateException("Name the value column: value(column)");
            }
            if (indicator == null && indicatorColumn.isEmpty()) {
                throw new IllegalStateException("Give the table's indicator (indicator(...)) or its indicator column"
                        + " (indicators(...))");
            }
            return new OfficeTable(this);
        }
    }

    @Override
    public String toString() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("study", b.study.id());
        parts.put("value", b.value);
        b.area.ifPresent(a -> parts.put("area", a));
        b.sector.ifPresent(s -> parts.put("sectors", s));
        b.indicatorColumn.ifPresent(i -> parts.put("indicators", i));
        return "OfficeTable" + parts;
    }
}

package org.smesurvey.core.csv;

import static org.smesurvey.core.csv.Columns.*;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smesurvey.core.io.FormulaGuard;
import org.smesurvey.core.io.TableSpec;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.smesurvey.core.Coded;
import org.smesurvey.core.Figure;
import org.smesurvey.core.Observation;
import org.smesurvey.core.PopulationCount;
import org.smesurvey.core.ReferencePopulation;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.SizeBand;
import org.smesurvey.core.SizeClass;
import org.smesurvey.core.SizeClassScheme;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;

/**
 * Writes a catalogue to CSV files that {@link CatalogueReader} reads back to an equal catalogue.
 *
 * <p>Proportions are written as exact percentages ({@code 45.2%}). Text cells that a spreadsheet would take
 * for a formula (starting with {@code =}, {@code +}, {@code -} or {@code @}) are written with a leading
 * {@code '}, which the reader removes. Files are UTF-8, with lines ending in {@code \n}.
 *
 * <p>Instances are immutable; {@link #withDefaults()} writes commas, decimal points and no byte order mark.
 *
 * @since 0.1
 */
public final class CatalogueWriter {

    private static final CatalogueWriter DEFAULTS = new CatalogueWriter(',', false, false);

    private final char delimiter;
    private final boolean decimalComma;
    private final boolean byteOrderMark;

    private CatalogueWriter(char delimiter, boolean decimalComma, boolean byteOrderMark) {
        this.delimiter = delimiter;
        this.decimalComma = decimalComma;
        this.byteOrderMark = byteOrderMark;
    }

    /**
     * A writer of comma-separated UTF-8 with decimal points.
     *
     * @return the default writer
     */
    public static CatalogueWriter withDefaults() {
        return DEFAULTS;
    }

    /**
     * A writer with this delimiter; a semicolon suits spreadsheets set to French or German.
     *
     * @param delimiter {@code ','} or {@code ';'}
     * @return a new writer
     * @throws IllegalArgumentException for another delimiter
     */
    public CatalogueWriter withDelimiter(char delimiter) {
        if (delimiter != ',' && delimiter != ';') {
            throw new IllegalArgumentException("Delimiter is not ',' or ';': '" + delimiter + "'");
        }
        return new CatalogueWriter(delimiter, decimalComma, byteOrderMark);
    }

    /**
     * A writer that writes decimal commas ({@code 12,5%}) instead of points.
     *
     * @param decimalComma whether to write decimal commas
     * @return a new writer
     */
    public CatalogueWriter withDecimalComma(boolean decimalComma) {
        return new CatalogueWriter(delimiter, decimalComma, byteOrderMark);
    }

    /**
     * A writer that starts each file with a UTF-8 byte order mark, which Excel needs to recognise UTF-8.
     *
     * @param byteOrderMark whether to write the mark
     * @return a new writer
     */
    public CatalogueWriter withByteOrderMark(boolean byteOrderMark) {
        return new CatalogueWriter(delimiter, decimalComma, byteOrderMark);
    }

    /**
     * Writes a catalogue into a directory, creating it if needed and replacing the files there.
     *
     * @param catalogue the catalogue
     * @param directory the directory that receives {@value CatalogueReader#STUDIES_FILE},
     *        {@value CatalogueReader#OBSERVATIONS_FILE} and {@value CatalogueReader#SCHEMES_FILE}
     * @throws IOException if a file cannot be written
     */
    public void write(StudyCatalogue catalogue, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (OutputStream studies = Files.newOutputStream(directory.resolve(CatalogueReader.STUDIES_FILE));
                OutputStream observations = Files.newOutputStream(directory.resolve(CatalogueReader.OBSERVATIONS_FILE));
                OutputStream schemes = Files.newOutputStream(directory.resolve(CatalogueReader.SCHEMES_FILE))) {
            write(catalogue, studies, observations, schemes);
        }
    }

    /**
     * Writes a catalogue to three streams, which are flushed and left open.
     *
     * @param catalogue the catalogue
     * @param studies receives the studies file
     * @param observations receives the observations file
     * @param schemes receives the study-defined size-class schemes (a header only if there are none)
     * @throws IOException if a stream fails
     */
    public void write(StudyCatalogue catalogue, OutputStream studies, OutputStream observations, OutputStream schemes)
            throws IOException {
        print(studies, STUDIES, catalogue.studies().stream().map(this::studyRow).toList());
        print(observations, OBSERVATIONS, catalogue.observations().stream().map(this::observationRow).toList());
        List<List<String>> schemeRows = new ArrayList<>();
        for (SizeClassScheme scheme : catalogue.sizeSchemes()) {
            if (!scheme.isBuiltIn()) {
                for (SizeClass c : scheme.classes()) {
                    schemeRows.add(List.of(scheme.id(), text(scheme.name()), c.code(), text(c.label()),
                            Integer.toString(c.band().min()), max(c.band()), text(scheme.notes())));
                }
            }
        }
        print(schemes, SCHEMES, schemeRows);
    }

    /**
     * Writes enterprise counts to a file.
     *
     * @param populations the populations
     * @param file the file, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void writePopulations(ReferencePopulations populations, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePopulations(populations, out);
        }
    }

    /**
     * Writes enterprise counts to a stream, which is flushed and left open.
     *
     * @param populations the populations
     * @param out the stream
     * @throws IOException if the stream fails
     */
    public void writePopulations(ReferencePopulations populations, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ReferencePopulation p : populations.all()) {
            for (PopulationCount c : p.counts()) {
                rows.add(List.of(p.id(), text(p.publisher()), p.region().code(), Integer.toString(p.year()),
                        text(p.scope()), p.sectors().map(x -> x.label()).orElse(""), text(c.sizeClass()), Integer.toString(c.band().min()), max(c.band()),
                        c.enterprises().isPresent() ? Long.toString(c.enterprises().getAsLong()) : "",
                        c.source().map(URI::toString).orElse(""), text(c.notes())));
            }
        }
        print(out, POPULATIONS, rows);
    }

    private List<String> studyRow(Study s) {
        return List.of(s.id(), text(s.title()), text(s.publisher()), s.fieldwork().map(f -> f.label()).orElse(""),
                s.region().code(), text(s.population().description()), s.population().sizeScheme().id(),
                s.population().sizeCoverage().map(b -> Integer.toString(b.min())).orElse(""),
                s.population().sizeCoverage().map(CatalogueWriter::max).orElse(""),
                s.population().sectors().map(x -> x.label()).orElse(""),
                s.sampleSize().isPresent() ? Integer.toString(s.sampleSize().getAsInt()) : "",
                s.respondentsInOrder().stream().map(Coded::code).collect(Collectors.joining("|")),
                s.method().mode().code(), s.method().sampling().code(), s.method().weighting().code(),
                s.sources().stream().map(URI::toString).collect(Collectors.joining(" | ")), text(s.notes()));
    }

    private List<String> observationRow(Observation o) {
        String[] figure = new String[8];
        Arrays.fill(figure, "");
        Figure f = o.figure();
        if (f instanceof Figure.Counts c) {
            figure[0] = Integer.toString(c.x());
        } else {
            figure[2] = percent(f.proportion());
        }
        f.base().ifPresent(n -> figure[1] = Integer.toString(n));
        if (f instanceof Figure.WithStandardError s) {
            figure[3] = percent(s.standardError());
        } else if (f instanceof Figure.WithInterval i) {
            figure[4] = percent(i.lower());
            figure[5] = percent(i.upper());
            figure[6] = percent(i.level());
        }
        o.designEffect().ifPresent(d -> figure[7] = decimal(Cells.number(d)));
        List<String> row = new ArrayList<>(List.of(o.study().id(), o.indicator().code(), text(o.indicator().wording()),
                o.region().code(), o.year().isPresent() ? Integer.toString(o.year().getAsInt()) : "",
                text(o.sizeClass()), o.sizeBand().map(b -> Integer.toString(b.min())).orElse(""),
                o.sizeBand().map(CatalogueWriter::max).orElse(""), o.sectors().map(x -> x.label()).orElse(""),
                o.platform().map(Coded::code).orElse(""), o.scope().code()));
        row.addAll(Arrays.asList(figure));
        row.addAll(List.of(text(o.denominator()), o.source().map(URI::toString).orElse(""), text(o.notes())));
        return row;
    }

    private void print(OutputStream out, TableSpec spec, List<List<String>> rows) throws IOException {
        Writer writer = new OutputStreamWriter(new BufferedOutputStream(out), StandardCharsets.UTF_8);
        if (byteOrderMark) {
            writer.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator('\n').get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printRecord(spec.columns());
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    private String percent(double proportion) {
        return decimal(Cells.percent(proportion));
    }

    private String decimal(String number) {
        return decimalComma ? number.replace('.', ',') : number;
    }

    private static String max(SizeBand band) {
        return band.isOpenEnded() ? "" : Integer.toString(band.max());
    }

    private static String text(String text) {
        return FormulaGuard.guard(text);
    }
}

package org.smesurvey.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Region;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code list studies|indicators}: the ids and codes the other commands take, one per line with a short
 * description, filtered by country, indicator or study.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the study ids or the indicator codes that compare and pool take, one per line.",
        subcommands = {ListCommand.Studies.class, ListCommand.Indicators.class})
final class ListCommand implements Callable<Integer> {

    /** The longest description printed; a longer one is cut with an ellipsis. */
    private static final int DESCRIPTION = 72;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Smesurvey.BAD_INPUT;
    }

    /** {@code list studies}. */
    @Command(name = "studies", mixinStandardHelpOptions = true,
            description = "The studies: id, region, fieldwork years, number of figures, publisher and title.")
    static final class Studies implements Callable<Integer> {
        @Option(names = "--country", paramLabel = "CC", description = "Only studies with a figure for this country"
                + " or aggregate (ISO code such as FR, or EU27_2020, WORLD).")
        String country;

        @Option(names = "--indicator", paramLabel = "CODE", description = "Only studies with a figure of this"
                + " indicator.")
        String indicator;

        @CommandLine.Mixin
        Smesurvey.Catalogues catalogues = new Smesurvey.Catalogues();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CommandLine line = spec.commandLine();
            Optional<Region> region = Optional.ofNullable(country).map(c -> Ids.region(c, "--country", line));
            StudyCatalogue catalogue = catalogues.read(line);
            Optional<String> code = Optional.ofNullable(indicator).map(i -> Ids.indicator(catalogue, i, line));
            Map<Study, List<Observation>> figures = catalogue.observations().stream()
                    .filter(o -> region.map(r -> o.region().equals(r)).orElse(true))
                    .filter(o -> code.map(c -> o.indicator().code().equals(c)).orElse(true))
                    .collect(Collectors.groupingBy(Observation::study, LinkedHashMap::new, Collectors.toList()));
            List<Study> studies = catalogue.studies().stream().filter(figures::containsKey)
                    .sorted(Comparator.comparing(Study::id)).toList();
            if (studies.isEmpty()) {
                throw new CommandLine.ParameterException(line, "No study has a figure"
                        + region.map(r -> " for " + r.code()).orElse("") + code.map(c -> " of " + c).orElse("")
                        + "; `smesurvey list studies` lists them all");
            }
            int width = studies.stream().mapToInt(s -> s.id().length()).max().orElse(0);
            PrintWriter out = line.getOut();
            for (Study s : studies) {
                int n = figures.get(s).size();
                out.printf(Locale.ROOT, "%-" + width + "s  %-9s  %-9s  %3d figure%s  %s%n", s.id(), s.region().code(),
                        s.fieldwork().map(f -> f.label()).orElse("-"), n, n == 1 ? " " : "s",
                        cut(s.publisher() + ": " + s.title()));
            }
            return 0;
        }
    }

    /** {@code list indicators}. */
    @Command(name = "indicators", mixinStandardHelpOptions = true,
            description = "The indicator codes: number of figures and studies, their years, and the wording most of"
                    + " their figures use.")
    static final class Indicators implements Callable<Integer> {
        @Option(names = "--country", paramLabel = "CC", description = "Only figures for this country or aggregate"
                + " (ISO code such as FR, or EU27_2020, WORLD).")
        String country;

        @Option(names = "--study", paramLabel = "ID", description = "Only this study's figures.")
        String study;

        @CommandLine.Mixin
        Smesurvey.Catalogues catalogues = new Smesurvey.Catalogues();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CommandLine line = spec.commandLine();
            Optional<Region> region = Optional.ofNullable(country).map(c -> Ids.region(c, "--country", line));
            StudyCatalogue catalogue = catalogues.read(line);
            Optional<Study> only = Optional.ofNullable(study).map(s -> Ids.study(catalogue, s, line));
            Map<String, List<Observation>> byCode = catalogue.observations().stream()
                    .filter(o -> region.map(r -> o.region().equals(r)).orElse(true))
                    .filter(o -> only.map(s -> o.study().equals(s)).orElse(true))
                    .collect(Collectors.groupingBy(o -> o.indicator().code(), java.util.TreeMap::new,
                            Collectors.toList()));
            if (byCode.isEmpty()) {
                throw new CommandLine.ParameterException(line, "No figure" + region.map(r -> " for " + r.code())
                        .orElse("") + only.map(s -> " in " + s.id()).orElse("")
                        + "; `smesurvey list indicators` lists them all");
            }
            int width = byCode.keySet().stream().mapToInt(String::length).max().orElse(0);
            PrintWriter out = line.getOut();
            byCode.forEach((code, figures) -> {
                long studies = figures.stream().map(Observation::study).distinct().count();
                IntSummaryStatistics years = figures.stream().map(Observation::effectiveYear)
                        .filter(java.util.OptionalInt::isPresent).mapToInt(java.util.OptionalInt::getAsInt)
                        .summaryStatistics();
                String span = years.getCount() == 0 ? "-" : years.getMin() == years.getMax()
                        ? Integer.toString(years.getMin()) : years.getMin() + "-" + years.getMax();
                out.printf(Locale.ROOT, "%-" + width + "s  %4d figure%s %3d stud%s  %-9s  %s%n", code, figures.size(),
                        figures.size() == 1 ? ", " : "s,", studies, studies == 1 ? "y  " : "ies", span,
                        cut(wording(figures)));
            });
            return 0;
        }

        /** The wording most of the figures use, in quotes; the first of the most used on a tie. */
        private static String wording(List<Observation> figures) {
            Map<String, Long> counts = figures.stream().map(o -> o.indicator().wording().strip())
                    .filter(w -> !w.isEmpty())
                    .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> "\"" + e.getKey() + "\"")
                    .orElse("(no wording given)");
        }
    }

    /** The text, cut at {@value #DESCRIPTION} characters with an ellipsis. */
    private static String cut(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= DESCRIPTION ? oneLine : oneLine.substring(0, DESCRIPTION - 1).strip() + "…";
    }
}

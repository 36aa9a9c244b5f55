package org.smesurvey.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smesurvey.core.Coded;
import org.smesurvey.core.Observation;
import org.smesurvey.core.Study;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.core.io.InputFormatException;

/**
 * The main job until the report exists: a summary of a catalogue by region, size-class scheme, network
 * scope and respondent function, with sample sizes.
 *
 * <p>Run with no argument for the bundled catalogue, or with the path of a catalogue directory.
 *
 * @since 0.1
 */
public final class CatalogueSummary {

    private final PrintStream out;

    private CatalogueSummary(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints the summary of the bundled catalogue, or of the catalogue directory given as the only argument.
     *
     * @param args nothing, or a catalogue directory
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Prints the summary; problems go to {@code err} as one line each, never as a stack trace.
     *
     * @param arguments nothing, or a catalogue directory (alone or as {@code --catalogue=DIR}); blank arguments
     *        and options without a value are ignored
     * @param out where the summary goes
     * @param err where problems go
     * @return the exit status: 0 on success, 2 for wrong arguments or a catalogue with problems, 1 if the
     *         catalogue cannot be found or read
     */
    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        // The main job's Maven properties arrive as --name=value options, empty when not set: --catalogue=DIR
        // names the catalogue, the empty ones are ignored.
        String[] args = java.util.Arrays.stream(arguments).filter(a -> a != null && !a.isBlank()
                && !a.strip().matches("--\\w+=")).map(a -> a.strip().startsWith("--catalogue=")
                ? a.strip().substring("--catalogue=".length()) : a).toArray(String[]::new);
        if (args.length > 1) {
            err.println("usage: CatalogueSummary [catalogue-directory]");
            return 2;
        }
        try {
            NamedCatalogue named = NamedCatalogue.load(args.length == 0 ? "" : args[0]);
            new CatalogueSummary(out).print(named);
            return 0;
        } catch (InputFormatException e) {
            err.println(e.getMessage()); // the catalogue's problems, each with file, line and column
            return 2;
        } catch (IOException e) {
            err.println(FileFailures.inWords(e)); // what is wrong with which path
            return 1;
        }
    }

    private void print(NamedCatalogue named) {
        StudyCatalogue catalogue = named.catalogue();
        List<Observation> observations = catalogue.observations();
        long based = observations.stream().filter(o -> o.figure().hasBase()).count();
        out.printf(Locale.ROOT, "smesurvey: %s%n", named.name());
        out.printf(Locale.ROOT, "%d studies, %d figures (%d with a base or a standard error, %d without)%n",
                catalogue.studies().size(), observations.size(), based, observations.size() - based);
        named.populations().ifPresent(populations -> out.printf(Locale.ROOT, "%d reference populations of enterprises by size band (%d counts)%n",
                populations.all().size(), populations.all().stream().mapToInt(p -> p.counts().size()).sum()));
        table("Region of the figure", observations, o -> o.region().code() + " " + o.region().displayName());
        table("Size-class scheme of the study", observations, o -> o.study().population().sizeScheme().id());
        table("Network scope", observations, o -> o.scope().code());
        table("Who answered", observations, o -> o.study().respondentsInOrder().stream().map(Coded::code)
                .collect(Collectors.joining("+")));
    }

    /** One table: a row per group, with its studies, figures and the sample sizes of its studies. */
    private void table(String title, List<Observation> observations, Function<Observation, String> key) {
        Map<String, List<Observation>> groups = observations.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        int width = Math.max(title.length(), groups.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.println();
        out.printf(Locale.ROOT, "%-" + width + "s  %7s  %7s  %9s  %s%n", title, "studies", "figures", "with base",
                "sample sizes (studies stating one)");
        groups.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, List<Observation>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey)).forEach(e -> {
                    List<Study> studies = e.getValue().stream().map(Observation::study).distinct().toList();
                    IntSummaryStatistics sizes = studies.stream().filter(s -> s.sampleSize().isPresent())
                            .mapToInt(s -> s.sampleSize().getAsInt()).summaryStatistics();
                    String range = sizes.getCount() == 0 ? "not stated"
                            : String.format(Locale.ROOT, "%,d to %,d (%d of %d)", sizes.getMin(), sizes.getMax(),
                                    sizes.getCount(), studies.size());
                    out.printf(Locale.ROOT, "%-" + width + "s  %7d  %7d  %9d  %s%n", e.getKey(), studies.size(),
                            e.getValue().size(), e.getValue().stream().filter(o -> o.figure().hasBase()).count(), range);
                });
    }
}

package org.smesurvey.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.smesurvey.core.imports.EurostatFetch;
import org.smesurvey.core.imports.Fetched;
import org.smesurvey.core.imports.OecdFetch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fetch eurostat DATASET} and {@code fetch oecd ict-bus}: an official table fetched from its office's API,
 * kept in the output directory with its release date, and imported into a catalogue there, as {@code import} does
 * with a downloaded file.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch an official table from its office's API into a catalogue directory, keeping the table"
                + " and its release date there.",
        subcommands = {FetchCommand.Eurostat.class, FetchCommand.Oecd.class})
final class FetchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Smesurvey.BAD_INPUT;
    }

    /** The options every fetch takes: where to write, how long to wait, and which server to ask. */
    static final class Request {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory that receives"
                + " the table, its release date and the catalogue; nothing is written if the fetch fails.")
        Path out;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "How long to wait"
                + " for an answer, more than 0 (default: ${DEFAULT-VALUE}).")
        double timeout;

        @Option(names = "--base-url", paramLabel = "URL", description = "The API's base URL, for a mirror or a test"
                + " server (default: the office's own).")
        String baseUrl;

        Duration timeout(CommandLine.Model.CommandSpec spec) {
            if (!(timeout > 0) || timeout > 86_400) {
                throw Smesurvey.usage(spec, "--timeout is a number of seconds from more than 0 to 86400, not %s",
                        spec.findOption("--timeout").originalStringValues().get(0));
            }
            return Duration.ofMillis(Math.max(1, Math.round(timeout * 1000)));
        }

        /** Says what was fetched, then writes the catalogue as {@code import} does. */
        Integer written(Fetched fetched, CommandLine.Model.CommandSpec spec) throws IOException {
            PrintWriter to = spec.commandLine().getOut();
            to.println((fetched.fromCache() ? "Unchanged since the cached copy: " : "Fetched ") + fetched.url());
            to.println("Released " + fetched.released().orElse("(no date given)") + "; kept in "
                    + fetched.file().toAbsolutePath());
            return Smesurvey.write(fetched.imported(), out, to);
        }

        URI baseUrl(CommandLine.Model.CommandSpec spec) {
            try {
                return URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw Smesurvey.usage(spec, "--base-url is an http or https URL, not '%s'", baseUrl);
            }
        }
    }

    /** {@code fetch eurostat DATASET}. */
    @Command(name = "eurostat", mixinStandardHelpOptions = true,
            description = "A Eurostat ICT-usage table (isoc_cismt, isoc_cismp, isoc_cismpol…) from the dissemination"
                    + " API (" + EurostatFetch.OFFICIAL + ") in SDMX-CSV, read as `import eurostat` reads it.")
    static final class Eurostat implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", description = "The dataset, such as isoc_cismt.")
        String dataset;

        @Option(names = "--geo", paramLabel = "CC", split = ",", description = "Only these countries or aggregates"
                + " (FR,DE,EU27_2020); all by default.")
        List<String> geos = new ArrayList<>();

        @Option(names = "--since", paramLabel = "YYYY", description = "Only years from this one, 1900 to 2100.")
        Integer since;

        @CommandLine.Mixin
        Request request = new Request();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            EurostatFetch.Builder builder = EurostatFetch.builder().timeout(request.timeout(spec));
            if (request.baseUrl != null) {
                builder.baseUrl(request.baseUrl(spec));
            }
            Fetched fetched = builder.build().fetch(dataset, geos,
                    since == null ? OptionalInt.empty() : OptionalInt.of(since), request.out);
            return request.written(fetched, spec);
        }
    }

    /** {@code fetch oecd ict-bus}. */
    @Command(name = "oecd", mixinStandardHelpOptions = true,
            description = "The OECD's ICT Access and Usage by Businesses (" + OecdFetch.DATAFLOW + ") from the"
                    + " OECD's SDMX API (" + OecdFetch.OFFICIAL + "): non-EU countries such as CAN, AUS, JPN,"
                    + " KOR, USA.")
    static final class Oecd implements Callable<Integer> {
        @Parameters(paramLabel = "TABLE", description = "The table: ict-bus.")
        String table;

        @Option(names = "--geo", paramLabel = "CC", split = ",", description = "Only these countries (CA or CAN);"
                + " all by default.")
        List<String> geos = new ArrayList<>();

        @Option(names = "--since", paramLabel = "YYYY", description = "Only years from this one, 1900 to 2100.")
        Integer since;

        @CommandLine.Mixin
        Request request = new Request();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!"ict-bus".equals(table)) {
                throw Smesurvey.usage(spec, "The OECD table fetched is ict-bus (ICT Access and Usage by Businesses),"
                        + " not '%s'", table);
            }
            OecdFetch fetch = OecdFetch.of(request.baseUrl == null ? URI.create(OecdFetch.OFFICIAL)
                    : request.baseUrl(spec), request.timeout(spec));
            Fetched fetched = fetch.fetch(geos, since == null ? OptionalInt.empty() : OptionalInt.of(since),
                    request.out);
            return request.written(fetched, spec);
        }
    }
}

/**
 * The command line, {@code java -jar smesurvey-cli.jar}: the report, a catalogue's summary, the listing of its study
 * ids and indicator codes, the gap between two studies, a pool, and the importers, each with {@code --help}
 * ({@link org.smesurvey.examples.cli.Smesurvey}).
 *
 * @since 0.1
 */
package org.smesurvey.examples.cli;

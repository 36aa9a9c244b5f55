/**
 * The one input layer: every file the library reads (catalogues, enterprise counts, respondent data, official
 * statistics) goes through {@link org.smesurvey.core.io.CsvReader}, which applies the same rules to all of
 * them and reports every {@link org.smesurvey.core.io.Problem} with file, line and column in an
 * {@link org.smesurvey.core.io.InputFormatException}; nothing is half-loaded, and memory stays bounded
 * whatever the file.
 *
 * <p>The rules, the same for every reader:
 * <ul>
 *   <li>lines are counted as the CSV parser counts them, with LF, CRLF and CR alone (Excel's "CSV (Macintosh)")
 *       each ending a line; a problem names the line where its row, or its quoted cell, begins;</li>
 *   <li>a UTF-8 byte order mark is dropped; blank lines, and a trailing empty line, are skipped; header names
 *       are trimmed of surrounding white space, and an empty or repeated header name is a problem;</li>
 *   <li>commas or semicolons separate cells, whichever the header uses more of outside quotes;</li>
 *   <li>a number is a decimal number ({@link org.smesurvey.core.io.Numbers}): {@code 0x1p3}, {@code 8d} or
 *       {@code 1e309} is a problem at its own cell, never a silent value;</li>
 *   <li>an unterminated quote, text after a closing quote, text that is not valid in the file's character set,
 *       or a row too long to be a row is a problem with its line and column, never the parser's own
 *       exception;</li>
 *   <li>at most {@value org.smesurvey.core.io.Problems#KEPT} problems are kept, and all are counted.</li>
 * </ul>
 *
 * <p>Example:
 * <pre>{@code
 * Problems problems = new Problems();
 * CsvFile file = CsvReader.of(TableSpec.open(List.of("weight"))).readAll(InputSource.of(path), problems);
 * problems.throwIfAny("the respondent data");   // every problem with its file, line and column
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.core.io;

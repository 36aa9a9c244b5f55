/**
 * The catalogue's CSV format: {@link org.smesurvey.core.csv.CatalogueReader} and
 * {@link org.smesurvey.core.csv.CatalogueWriter}, with every problem of a bad file reported by file, line
 * and column in a {@link org.smesurvey.core.csv.CatalogueFormatException}.
 *
 * <p>Example:
 * <pre>{@code
 * StudyCatalogue mine = CatalogueReader.withDefaults().read(Path.of("my-catalogue"));   // problems placed
 * CatalogueWriter.withDefaults().write(mine, Path.of("copy"));                          // reads back equal
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.core.csv;

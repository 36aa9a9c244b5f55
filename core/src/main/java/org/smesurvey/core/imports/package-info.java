/**
 * Importers of official statistics into catalogues: {@link org.smesurvey.core.imports.EurostatTable} reads
 * Eurostat's ICT-usage tables (isoc_cismt, isoc_cismp, isoc_smp and relatives) in SDMX-CSV and in the
 * tab-separated TSV of its bulk download; {@link org.smesurvey.core.imports.OfficeTable} reads a national office's
 * table export with a mapping the user gives (which column is the area, the activity, the indicator; the year and
 * the study the file does not state). Each reads through the one input layer ({@code core.io}): every problem
 * is placed by file, line and column, and every value left out is counted with its reason — a flag, a code the
 * catalogue has no word for — never dropped unseen. An imported catalogue is an ordinary one: merge it with
 * others, or write it back in the catalogue format ({@link org.smesurvey.core.csv.CatalogueWriter}) to edit it.
 *
 * <p>Example:
 * <pre>{@code
 * Imported imported = EurostatTable.read(InputSource.of(Path.of("isoc_cismt.tsv")));
 * System.out.println(imported.summary());        // figures, and the values left out with their reasons
 * CatalogueWriter.withDefaults().write(imported.catalogue(), Path.of("eurostat-catalogue"));
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.core.imports;

/**
 * The domain model of SME social-network adoption studies: size bands and size-class schemes, regions,
 * sectors, respondent functions, network scopes, studies, the figures they publish, and the catalogue
 * that holds them.
 *
 * <p>Example:
 * <pre>{@code
 * StudyCatalogue bundled = Bundled.catalogue();
 * StudyCatalogue french = bundled.filter(ObservationFilters.region(Region.of("FR"))
 *         .and(ObservationFilters.scope(NetworkScope.EXTERNAL)));
 * french.observations().forEach(o -> System.out.println(o.study().id() + " " + o.figure().proportion()));
 * }</pre>
 *
 * @since 0.1
 */
package org.smesurvey.core;

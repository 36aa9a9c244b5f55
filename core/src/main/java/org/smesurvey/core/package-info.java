/**
 * The domain model of SME social-network adoption studies: size bands and size-class schemes, regions,
 * sectors, respondent functions, network scopes, studies, the figures they publish, and the catalogue
 * that holds them.
 *
 * @since 0.1
 */
package org.smesurvey.core;

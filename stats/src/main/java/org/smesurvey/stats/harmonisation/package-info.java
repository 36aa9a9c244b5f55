/**
 * Size-class harmonisation and direct standardisation: figures for some size bands re-weighted by the
 * enterprises of a reference population, onto another band or another population's mix.
 *
 * @since 0.1
 */
package org.smesurvey.stats.harmonisation;

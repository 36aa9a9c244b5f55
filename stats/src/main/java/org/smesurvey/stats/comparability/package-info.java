/**
 * Whether two survey figures or studies can be compared, dimension by dimension, and which adjustment would
 * make them comparable.
 *
 * @since 0.1
 */
package org.smesurvey.stats.comparability;

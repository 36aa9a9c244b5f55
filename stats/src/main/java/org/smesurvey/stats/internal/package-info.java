/**
 * Implementation helpers shared by the stats packages: argument checks and distribution functions at full
 * precision. Not part of the API; they may change in any release.
 *
 * @since 0.1
 */
package org.smesurvey.stats.internal;

/**
 * The data shipped with smesurvey, loaded through the catalogue reader: {@link org.smesurvey.core.bundled.Bundled}.
 * Above both the domain model ({@code org.smesurvey.core}) and the reader ({@code org.smesurvey.core.csv}), so that
 * neither depends on the other in both directions.
 */
package org.smesurvey.core.bundled;

/**
 * What the notebooks (examples/notebooks) use to show results for reading: tables in rounded HTML.
 */
package org.smesurvey.examples.notebook;

package org.smesurvey.core;

/**
 * The 21 sections of the statistical classification of economic activities NACE Rev. 2.
 *
 * <p>Reference: Eurostat, <i>NACE Rev. 2 – Statistical classification of economic activities in the
 * European Community</i>, Methodologies and Working papers, 2008, ISBN 978-92-79-04741-1.
 *
 * @since 0.1
 */
public enum NaceSection {
    /** A. */
    A("Agriculture, forestry and fishing"),
    /** B. */
    B("Mining and quarrying"),
    /** C. */
    C("Manufacturing"),
    /** D. */
    D("Electricity, gas, steam and air conditioning supply"),
    /** E. */
    E("Water supply; sewerage, waste management and remediation activities"),
    /** F. */
    F("Construction"),
    /** G. */
    G("Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    /** H. */
    H("Transportation and storage"),
    /** I. */
    I("Accommodation and food service activities"),
    /** J. */
    J("Information and communication"),
    /** K. */
    K("Financial and insurance activities"),
    /** L. */
    L("Real estate activities"),
    /** M. */
    M("Professional, scientific and technical activities"),
    /** N. */
    N("Administrative and support service activities"),
    /** O. */
    O("Public administration and defence; compulsory social security"),
    /** P. */
    P("Education"),
    /** Q. */
    Q("Human health and social work activities"),
    /** R. */
    R("Arts, entertainment and recreation"),
    /** S. */
    S("Other service activities"),
    /** T. */
    T("Activities of households as employers; undifferentiated goods- and services-producing activities"
            + " of households for own use"),
    /** U. */
    U("Activities of extraterritorial organisations and bodies");

    private final String title;

    NaceSection(String title) {
        this.title = title;
    }

    /**
     * The section's title in NACE Rev. 2.
     *
     * @return the title
     */
    public String title() {
        return title;
    }
}

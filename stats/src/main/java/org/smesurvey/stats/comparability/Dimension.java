package org.smesurvey.stats.comparability;

/**
 * What two survey figures must share before their difference means what it seems to mean.
 *
 * @since 0.1
 */
public enum Dimension {
    /** The employee band of the companies. */
    SIZE("size band"),
    /** The country or area. */
    REGION("region"),
    /** The economic sectors covered. */
    SECTOR("sectors"),
    /** Who answered for the company: the CEO, marketing, HR, IT… */
    RESPONDENTS("respondents"),
    /** External public networks, an internal one, or both. */
    NETWORK_SCOPE("network scope"),
    /** The question asked, and the platform it names. */
    INDICATOR("indicator"),
    /** When the fieldwork took place. */
    YEAR("year"),
    /** How the companies were chosen. */
    SAMPLING("sampling"),
    /** How many companies answered: the precision of the figures. */
    SAMPLE_SIZE("sample size");

    private final String description;

    Dimension(String description) {
        this.description = description;
    }

    /**
     * A short English name.
     *
     * @return the name
     */
    public String description() {
        return description;
    }
}

package org.smesurvey.charts;

import java.awt.Color;
import java.util.List;

/**
 * The colours of the charts: the palette of Okabe and Ito, told apart with every common form of colour
 * blindness, in the order the series take them.
 *
 * <p>Reference: Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to make figures and
 * presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
 *
 * @since 0.1
 */
public final class Palette {

    /** Blue, #0072B2. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Vermillion, #D55E00. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Bluish green, #009E73. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Orange, #E69F00. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Sky blue, #56B4E9. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Reddish purple, #CC79A7. */
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** Yellow, #F0E442. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Black. */
    public static final Color BLACK = Color.BLACK;

    private static final List<Color> SERIES = List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, SKY_BLUE,
            REDDISH_PURPLE, YELLOW, BLACK);

    private Palette() {
    }

    /**
     * The colours in the order series take them.
     *
     * @return eight colours
     */
    public static List<Color> series() {
        return SERIES;
    }

    /**
     * The colour of a series, the palette repeating after eight.
     *
     * @param index the series' position, from 0
     * @return its colour
     * @throws IllegalArgumentException if the index is negative
     */
    public static Color series(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Series index is negative: " + index);
        }
        return SERIES.get(index % SERIES.size());
    }
}

package org.smesurvey.stats.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Model matrices as R's {@code model.matrix} codes them: factors with the first sorted level, a chosen one or a
 * stated order as reference, and columns taken from a Tablesaw table.
 */
class ModeratorsTest {

    private static final String[] BANDS = {"10-49", "0-9", "250+", "50-249", "0-9"};

    @Test
    void factorsAreCodedAgainstTheirReference() {
        Moderators sorted = Moderators.builder(5).factor("band", BANDS).build();
        assertEquals(List.of("intrcpt", "band10-49", "band250+", "band50-249"), sorted.names());
        Moderators chosen = Moderators.builder(5).factor("band", BANDS, "10-49").build();
        assertEquals(List.of("intrcpt", "band0-9", "band250+", "band50-249"), chosen.names());
        assertEquals(List.of("10-49", "0-9", "250+", "50-249"), chosen.levels("band"));
        Moderators ordered = Moderators.builder(5).factor("band", BANDS, List.of("0-9", "10-49", "50-249", "250+",
                "1000+")).build();
        assertEquals(List.of("intrcpt", "band10-49", "band50-249", "band250+"), ordered.names());
        assertArrayEquals(new double[] {1, 0, 0, 1}, ordered.rowArrayOf(2));
        assertArrayEquals(new double[] {1, 0, 0, 0}, ordered.rowArrayOf(4));
        assertThrows(IllegalArgumentException.class, () -> Moderators.builder(5).factor("band", BANDS, "1000+"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Moderators.builder(5)
                .factor("band", BANDS, List.of("0-9", "10-49")));
        assertTrue(missing.getMessage().contains("250+"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Moderators.builder(5).factor("band", BANDS).factor("band",
                BANDS));
        assertThrows(IllegalArgumentException.class, () -> sorted.levels("sector"));
    }

    @Test
    void tableColumnsBecomeNumbersOrFactors() {
        Table table = Table.create("firms", StringColumn.create("band", BANDS),
                DoubleColumn.create("employees", new double[] {12, 3, 400, 60, 8}));
        Moderators x = Moderators.builder(5).column(table, "employees").column(table, "band", "0-9").build();
        assertEquals(List.of("intrcpt", "employees", "band10-49", "band250+", "band50-249"), x.names());
        assertArrayEquals(new double[] {1, 400, 0, 1, 0}, x.rowArrayOf(2));
        Table gap = Table.create("gap", DoubleColumn.create("employees", new Double[] {1.0, null}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Moderators.builder(2)
                .column(gap, "employees"));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Moderators.builder(5).column(table, "sector"));
        assertThrows(IllegalArgumentException.class, () -> Moderators.builder(5).column(table, "employees", "3"));
    }
}

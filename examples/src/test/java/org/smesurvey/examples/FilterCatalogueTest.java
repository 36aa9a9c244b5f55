package org.smesurvey.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterCatalogueTest {

    @Test
    void printsTheFrenchExternalFiguresAndTheBoundaryDifference() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilterCatalogue.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.contains("BPIFRANCE_LAB_2018              70.0 %  n=1657  answered by [CEO]"), lines::toString);
        assertTrue(lines.contains("HOOTSUITE_ADETEM_2017 0-99 facebook  75.0 %  n=?  answered by [MARKETING]"), lines::toString);
        assertEquals(List.of("50 employees, EU 2003/361: medium-sized enterprise",
                "50 employees, UK Companies Act: small company"), lines.subList(lines.size() - 2, lines.size()));
        // OpinionWay's "PME" has no bounds, so those figures are of unknown size and left out; its "<250" ones enter.
        assertTrue(lines.contains("OPINIONWAY_CORPCOM_2015 0-249 facebook  53.0 %  n=?  answered by [CEO, FINANCE]"),
                lines::toString);
        assertEquals(17, lines.size() - 2, lines::toString);
    }
}

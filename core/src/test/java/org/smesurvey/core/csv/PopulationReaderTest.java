package org.smesurvey.core.csv;

import org.smesurvey.core.io.InputSource;
import org.smesurvey.core.io.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.smesurvey.core.ReferencePopulations;
import org.smesurvey.core.Region;
import org.smesurvey.core.SizeBand;

class PopulationReaderTest {

    private static final String POPULATIONS = """
            population_id,publisher,region,year,scope,size_class,size_min,size_max,enterprises,source,notes
            FR_2017,Insee,FR,2017,market sectors,MIC,0,9,3 701 363,https://www.insee.fr/fr/statistiques/4255707,
            FR_2017,Insee,FR,2017,market sectors,PME hors MIC,10,249,147767,,
            FR_2017,Insee,FR,2017,market sectors,total,0,,,,"count not given; share 100%"
            EU_2021,Eurostat,EU27_2020,2021,business economy,50-249,50,249,240000,,
            """;

    private static ReferencePopulations read(String text) throws IOException {
        return CatalogueReader.withDefaults().readPopulations(
                InputSource.of("populations.csv", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void groupsRowsIntoPopulations() throws IOException {
        ReferencePopulations populations = read(POPULATIONS);
        assertEquals(List.of("FR_2017", "EU_2021"), populations.all().stream().map(p -> p.id()).toList());
        assertEquals(OptionalLong.of(3_701_363), populations.population("FR_2017").orElseThrow()
                .enterprises(SizeBand.of(0, 9)));
        assertEquals(OptionalLong.empty(), populations.population("FR_2017").orElseThrow()
                .enterprises(SizeBand.atLeast(0)));
        assertEquals(Region.EU27_2020, populations.population("EU_2021").orElseThrow().region());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "region differs|FR,2017,market sectors,PME hors MIC|FR,2016,market sectors,PME hors MIC|3|4|differs from line 2 ('2017') of the same group",
            "band repeats|PME hors MIC,10,249|MIC again,0,9|3|7|population FR_2017 repeats the band 0-9",
            "missing minimum|PME hors MIC,10,249|PME hors MIC,,249|3|7|required value is missing",
            "count with words|147767|147 767 units|3|9|expected a whole number, 0 or more (digits, optionally grouped by spaces)",
            "bad year|FR,2017,market sectors,MIC|FR,17,market sectors,MIC|2|4|year is not in [1900, 2100]: 17"})
    void reportsBadRows(String name, String find, String replace, int line, int column, String message) {
        String text = POPULATIONS.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace));
        CatalogueFormatException e = assertThrows(CatalogueFormatException.class, () -> read(text));
        Problem problem = e.problems().get(0);
        assertEquals(List.of("populations.csv", (long) line, column, message),
                List.of(problem.file(), problem.line(), problem.column(), problem.message()), e::getMessage);
    }
}

package org.smesurvey.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTest {

    @Test
    void linksBetweenMarkdownFilesBecomeLinksBetweenPages() {
        assertEquals("guide.html", Site.rewrite("README.md", "docs/guide.md"));
        assertEquals("importers.html#eurostat", Site.rewrite("docs/guide.md", "importers.md#eurostat"));
        assertEquals("changelog.html", Site.rewrite("docs/versioning.md", "../CHANGELOG.md"));
        assertEquals("index.html", Site.rewrite("docs/guide.md", "../README.md"));
        assertEquals("gallery/diffusion.png", Site.rewrite("README.md", "docs/gallery/diffusion.png"));
    }

    @Test
    void linksToOtherFilesGoToGitHubAndAddressesStay() {
        assertEquals(Site.REPOSITORY + "LICENSE", Site.rewrite("README.md", "LICENSE"));
        assertEquals(Site.REPOSITORY + "examples/src/X.java#L3",
                Site.rewrite("docs/guide.md", "../examples/src/X.java#L3"));
        assertEquals("https://ec.europa.eu/eurostat", Site.rewrite("README.md", "https://ec.europa.eu/eurostat"));
        assertEquals("#options", Site.rewrite("docs/guide.md", "#options"));
    }

    @Test
    void wideTablesScrollInTheirOwnBox() {
        assertEquals("<div class=\"scroll\"><table><tr><td>1</td></tr></table></div>",
                Site.tablesThatScroll("<table><tr><td>1</td></tr></table>"));
    }

    @Test
    void writesEveryPageWithOneNavigationAndTheGallery(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/gallery"));
        for (Site.Page page : Site.PAGES) {
            Files.writeString(root.resolve(page.source()), "# " + page.label() + "\n\nSee [the guide](guide.md).\n");
        }
        Files.writeString(root.resolve("README.md"), "# Home\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                + "![Forest plot](docs/gallery/forest.png)\n\n```java\nint x = 1 < 2 ? 1 : 0;\n```\n");
        Files.write(root.resolve("docs/gallery/forest.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path out = root.resolve("site");
        Files.createDirectories(out.resolve("api"));

        Site site = new Site(root, out, false);
        site.write();
        site.removeApi();

        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("<div class=\"scroll\"><table>"), index);
        assertTrue(index.contains("<img src=\"gallery/forest.png\" alt=\"Forest plot\""), index);
        assertTrue(index.contains("<code class=\"language-java\">int x = 1 &lt; 2 ? 1 : 0;"), index);
        assertTrue(index.contains("<a href=\"index.html\" aria-current=\"page\">Home</a>"), index);
        assertFalse(index.contains("api/index.html"), "no API link when the API is left out");
        String gallery = Files.readString(out.resolve("gallery.html"), StandardCharsets.UTF_8);
        assertTrue(gallery.contains("<figcaption>Forest plot</figcaption>"), gallery);
        assertTrue(Files.exists(out.resolve("gallery/forest.png")));
        assertTrue(Files.exists(out.resolve("site.css")));
        assertFalse(Files.exists(out.resolve("api")));
        for (Site.Page page : Site.PAGES) {
            assertTrue(Files.readString(out.resolve(page.file()), StandardCharsets.UTF_8)
                    .contains("<h1 id=\"" + page.label().toLowerCase().replace(' ', '-') + "\">"), page.file());
        }
    }
}

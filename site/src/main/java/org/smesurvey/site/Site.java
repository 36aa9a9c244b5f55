package org.smesurvey.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The documentation site: the README, the guide and the other pages of {@code docs/}, the CHANGELOG, a page of
 * the gallery's charts and the API's Javadoc, written as HTML pages that share one navigation bar.
 *
 * <p>Markdown is rendered by commonmark-java with GitHub's tables and heading anchors, so that a link to
 * {@code guide.md#the-command-line} finds its section. Links between the Markdown files become links between
 * the pages; links to the gallery's images stay inside the site; links to any other file of the repository
 * (sources, {@code LICENSE}) go to that file on GitHub, since the site does not carry it.
 *
 * <p>Run by the build, {@code ./mvnw -q -Psite -pl site -am package -DskipTests}; {@code main} takes the repository's
 * root, the directory to write, whether to leave out the API, and where the API's Javadoc was generated.
 */
public final class Site {

    /** Where a file of the repository that the site does not carry is shown. */
    static final String REPOSITORY = "https://github.com/smesurvey/smesurvey/blob/main/";

    private static final String GALLERY = "docs/gallery/";

    /** A page of the site: its Markdown source (relative to the root, with '/'), its file and its label. */
    record Page(String source, String file, String label) {
    }

    /** The pages in the navigation's order; the gallery and the API follow them. */
    static final List<Page> PAGES = List.of(
            new Page("README.md", "index.html", "Home"),
            new Page("docs/guide.md", "guide.html", "Guide"),
            new Page("docs/importers.md", "importers.html", "Importers"),
            new Page("docs/adoption-model.md", "adoption-model.html", "Adoption model"),
            new Page("docs/performance.md", "performance.html", "Performance"),
            new Page("docs/architecture.md", "architecture.html", "Architecture"),
            new Page("docs/catalogue-format.md", "catalogue-format.html", "Catalogue format"),
            new Page("docs/modules.md", "modules.html", "Modules"),
            new Page("docs/versioning.md", "versioning.html", "Versioning"),
            new Page("CHANGELOG.md", "changelog.html", "Changelog"));

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private final Path root;
    private final Path out;
    private final boolean withApi;
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /**
     * A site of the repository at {@code root}, to be written into {@code out}.
     *
     * @param root the repository's root directory, holding README.md and docs/
     * @param out the directory the site is written into (created if absent)
     * @param withApi whether the navigation links to the API's Javadoc, copied into {@code out/api}
     */
    public Site(Path root, Path out, boolean withApi) {
        this.root = Objects.requireNonNull(root, "root");
        this.out = Objects.requireNonNull(out, "out");
        this.withApi = withApi;
    }

    /**
     * Writes the site.
     *
     * @param args the repository's root, the output directory, {@code true} to leave out the API, and the
     *     directory holding the API's Javadoc (its index.html) when it is included
     * @throws IOException if a page cannot be read or written
     * @throws IllegalArgumentException if the arguments are not those four, or the API's Javadoc is missing
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Site ROOT OUT SKIP-API API-DIR (given " + args.length
                    + " arguments)");
        }
        boolean skipApi = Boolean.parseBoolean(args[2]);
        Site site = new Site(Path.of(args[0]), Path.of(args[1]), !skipApi);
        site.write();
        if (skipApi) {
            site.removeApi();
        } else {
            site.copyApi(Path.of(args[3]));
        }
        System.out.println("The documentation site: " + site.out.resolve("index.html"));
    }

    /**
     * Writes every page, the gallery's page and images and the style sheet into the output directory.
     *
     * @throws IOException if a source cannot be read or a page written
     */
    public void write() throws IOException {
        Files.createDirectories(out.resolve("gallery"));
        try (InputStream css = Site.class.getResourceAsStream("site.css")) {
            Files.copy(Objects.requireNonNull(css, "site.css"), out.resolve("site.css"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> captions = new LinkedHashMap<>();
        for (Page page : PAGES) {
            Node document = parser.parse(Files.readString(root.resolve(page.source()), StandardCharsets.UTF_8));
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    link.setDestination(rewrite(page.source(), link.getDestination()));
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    String target = resolve(page.source(), image.getDestination());
                    if (target.startsWith(GALLERY)) {
                        captions.putIfAbsent(target.substring(GALLERY.length()), text(image));
                    }
                    image.setDestination(rewrite(page.source(), image.getDestination()));
                }
            });
            Files.writeString(out.resolve(page.file()), html(page.label(), title(document, page.label()),
                    tablesThatScroll(renderer.render(document))), StandardCharsets.UTF_8);
        }
        writeGallery(captions);
    }

    private void writeGallery(Map<String, String> captions) throws IOException {
        List<Path> charts;
        try (Stream<Path> files = Files.list(root.resolve(GALLERY))) {
            charts = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
        }
        StringBuilder body = new StringBuilder("<h1>Gallery</h1>\n<p>Charts of the bundled catalogue, drawn by "
                + "<a href=\"" + REPOSITORY + "examples/src/main/java/org/smesurvey/examples/Gallery.java\">"
                + "<code>Gallery</code></a> with the <code>charts</code> module.</p>\n");
        for (Path chart : charts) {
            String name = chart.getFileName().toString();
            Files.copy(chart, out.resolve("gallery").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            String caption = escape(captions.getOrDefault(name, name));
            body.append("<figure><img src=\"gallery/").append(name).append("\" alt=\"").append(caption)
                    .append("\"><figcaption>").append(caption).append("</figcaption></figure>\n");
        }
        Files.writeString(out.resolve("gallery.html"), html("Gallery", "Gallery", body.toString()),
                StandardCharsets.UTF_8);
    }

    /**
     * Copies the API's Javadoc into {@code api/} of the site.
     *
     * @param api the directory javadoc wrote, holding its index.html
     * @throws IOException if a file cannot be copied
     * @throws IllegalArgumentException if {@code api} holds no index.html
     */
    public void copyApi(Path api) throws IOException {
        if (!Files.isRegularFile(api.resolve("index.html"))) {
            throw new IllegalArgumentException("no API Javadoc in " + api + " (its index.html is missing): build it"
                    + " with ./mvnw -q -Psite -pl site -am package -DskipTests, or leave it out with -Dsite.skipApi");
        }
        Path target = out.resolve("api");
        try (Stream<Path> files = Files.walk(api)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(api.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Removes the API's Javadoc a previous build copied into {@code api/}, which no page links to any more.
     *
     * @throws IOException if a file cannot be deleted
     */
    public void removeApi() throws IOException {
        Path api = out.resolve("api");
        if (Files.isDirectory(api)) {
            try (Stream<Path> files = Files.walk(api)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Where a link of a Markdown file points in the site: the page made from a Markdown file, an image of the
     * gallery, or the file on GitHub; addresses with a scheme and anchors on the same page are kept.
     *
     * @param source the Markdown file holding the link, relative to the root
     * @param destination the link as written
     * @return the link as the site's page writes it
     */
    static String rewrite(String source, String destination) {
        if (destination.isEmpty() || destination.startsWith("#") || destination.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
            return destination;
        }
        int hash = destination.indexOf('#');
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String target = resolve(source, destination);
        for (Page page : PAGES) {
            if (page.source().equals(target)) {
                return page.file() + fragment;
            }
        }
        if (target.startsWith(GALLERY)) {
            return "gallery/" + target.substring(GALLERY.length());
        }
        return REPOSITORY + target + fragment;
    }

    /** The path, relative to the root, that a relative link of {@code source} points to, without its anchor. */
    private static String resolve(String source, String destination) {
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        Path folder = Path.of(source).getParent();
        Path target = (folder == null ? Path.of(path) : folder.resolve(path)).normalize();
        return target.toString().replace('\\', '/');
    }

    /** Wraps each table in a box that scrolls sideways, so that a wide table never widens a narrow window. */
    static String tablesThatScroll(String html) {
        return html.replace("<table>", "<div class=\"scroll\"><table>").replace("</table>", "</table></div>");
    }

    private static String title(Node document, String fallback) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                return text(heading);
            }
        }
        return fallback;
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }

    private String html(String current, String title, String body) {
        StringBuilder nav = new StringBuilder();
        List<String[]> entries = new ArrayList<>();
        for (Page page : PAGES) {
            entries.add(new String[] {page.file(), page.label()});
        }
        entries.add(new String[] {"gallery.html", "Gallery"});
        if (withApi) {
            entries.add(new String[] {"api/index.html", "API (Javadoc)"});
        }
        for (String[] entry : entries) {
            nav.append("<a href=\"").append(entry[0]).append('"')
                    .append(entry[1].equals(current) ? " aria-current=\"page\"" : "").append('>')
                    .append(escape(entry[1])).append("</a>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + (title.equals("smesurvey") ? "" : " · smesurvey") + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"site.css\">\n</head>\n<body>\n"
                + "<header><span class=\"name\">smesurvey</span>\n<nav>\n" + nav + "</nav></header>\n"
                + "<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

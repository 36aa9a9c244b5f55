package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of core depend on each other in one direction only (docs/architecture.md): the code of each
 * package — its imports and the fully qualified names in its statements, not its Javadoc — is read from the
 * sources, and the graph of packages must have no cycle. The model used to load the bundled files through the
 * reader that builds it; {@code core.bundled} now sits above both.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/smesurvey/core");
    private static final Pattern NAME = Pattern.compile("org\\.smesurvey\\.core(\\.[a-z]+)?\\.[A-Z]");

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = packageOf(SOURCES.relativize(file.getParent()).toString());
                Set<String> to = uses.computeIfAbsent(from, p -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")
                            || code.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = NAME.matcher(code);
                    while (m.find()) {
                        String target = packageOf(m.group(1) == null ? "" : m.group(1).substring(1));
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        }
        return uses;
    }

    private static String packageOf(String folder) {
        return folder.isEmpty() ? "core" : "core." + folder.replace('/', '.');
    }

    @Test
    void corePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.keySet().containsAll(List.of("core", "core.io", "core.csv", "core.imports", "core.bundled")),
                uses.keySet().toString());
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            for (String next : uses.get(start)) {
                if (reaches(uses, next, start, new TreeSet<>())) {
                    cycles.add(start + " -> " + next + " -> ... -> " + start);
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles in core: " + uses);
        assertTrue(uses.get("core.bundled").containsAll(List.of("core", "core.csv")), uses.toString());
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}

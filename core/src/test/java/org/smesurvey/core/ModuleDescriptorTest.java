package org.smesurvey.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * core is an explicit module (docs/modules.md) and Surefire runs its tests inside it: the descriptor exports every
 * package of core, unqualified, so that a package added later is exported on purpose (or kept out on purpose, by
 * changing this test), and requires commons-csv by its declared module name and the JDK's HTTP client (the
 * fetch of official tables).
 */
class ModuleDescriptorTest {

    /** The packages of core's main sources (the patched-in tests add resource folders the descriptor would count). */
    private static Set<String> sourcePackages() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                    .map(f -> sources.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void coreIsAnExplicitModuleThatExportsItsPackages() throws IOException {
        Module module = StudyCatalogue.class.getModule();
        assertEquals("org.smesurvey.core", module.getName());
        ModuleDescriptor descriptor = module.getDescriptor();
        assertFalse(descriptor.isAutomatic());
        assertFalse(descriptor.isOpen());
        Set<String> exported = descriptor.exports().stream()
                .peek(e -> assertFalse(e.isQualified(), e.source() + " is exported to some modules only"))
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("org.smesurvey.core", "org.smesurvey.core.bundled", "org.smesurvey.core.csv",
                "org.smesurvey.core.imports", "org.smesurvey.core.io"), exported);
        assertEquals(sourcePackages(), exported);
        Set<String> required = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("java.base", "java.net.http", "org.apache.commons.csv"), required);
    }
}

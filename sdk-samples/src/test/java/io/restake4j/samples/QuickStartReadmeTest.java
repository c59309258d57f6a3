package io.restake4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The README's quick start is what this module compiles and runs: each block after a {@code <!-- quick-start:... -->}
 * marker in README.md equals the marked region of its source file (indentation aside), and the Maven snippet names
 * the BOM and the artifacts that sdk-samples/pom.xml uses.
 */
class QuickStartReadmeTest {

    private static final String MAIN = "sdk-samples/src/main/java/io/restake4j/samples/QuickStart.java";
    private static final String IT = "sdk-samples/src/test/java/io/restake4j/samples/QuickStartIT.java";

    @Test
    void mainProgramBlockIsQuickStartJava() throws Exception {
        assertSameLines(region(RepoFiles.read(MAIN), "quick-start"), readmeBlock("quick-start:main", "java"), MAIN);
    }

    @Test
    void junitBlockIsQuickStartIT() throws Exception {
        assertSameLines(region(RepoFiles.read(IT), "quick-start-test"), readmeBlock("quick-start:test", "java"), IT);
    }

    @Test
    void mavenSnippetNamesTheBomAndTheArtifactsTheSamplesUse() throws Exception {
        Element snippet = RepoFiles.parse(new ByteArrayInputStream(
                ("<snippet>" + String.join("\n", readmeBlock("quick-start:pom", "xml")) + "</snippet>")
                        .getBytes(StandardCharsets.UTF_8)));
        Element bom = RepoFiles.pom("sdk-bom/pom.xml");
        Element samples = RepoFiles.pom("sdk-samples/pom.xml");

        // The BOM import, as the README writes it (a literal version) and as the samples do (${project.version}).
        List<Element> readmeImports = RepoFiles.dependencies(snippet, "dependencyManagement", "dependencies");
        assertEquals(1, readmeImports.size(), "the README's <dependencyManagement> imports one BOM");
        Element readmeImport = readmeImports.get(0);
        assertEquals(RepoFiles.child(bom, "groupId"), RepoFiles.child(readmeImport, "groupId"));
        assertEquals(RepoFiles.child(bom, "artifactId"), RepoFiles.child(readmeImport, "artifactId"));
        assertEquals(RepoFiles.child(bom, "version"), RepoFiles.child(readmeImport, "version"));
        assertImport(readmeImport);
        List<Element> sampleImports = RepoFiles.dependencies(samples, "dependencyManagement", "dependencies");
        assertEquals(1, sampleImports.size(), "sdk-samples imports one BOM");
        assertEquals(coordinates(readmeImport), coordinates(sampleImports.get(0)));
        assertImport(sampleImports.get(0));

        // The dependencies: the same restake4j artifacts, in the same order, without versions (the BOM has them).
        List<String> readmeDeps = restake4jDependencies(snippet);
        assertEquals(restake4jDependencies(samples), readmeDeps, "restake4j dependencies of README vs sdk-samples/pom.xml");
        assertTrue(readmeDeps.contains("io.restake4j:restake4j-core"), readmeDeps.toString());
        List<String> managed = new ArrayList<>();
        RepoFiles.dependencies(bom, "dependencyManagement", "dependencies").forEach(d -> managed.add(coordinates(d)));
        assertTrue(managed.containsAll(readmeDeps), "the BOM manages " + managed + ", the README uses " + readmeDeps);
    }

    private static void assertImport(Element dependency) {
        assertEquals("pom", RepoFiles.child(dependency, "type"));
        assertEquals("import", RepoFiles.child(dependency, "scope"));
    }

    private static String coordinates(Element dependency) {
        return RepoFiles.child(dependency, "groupId") + ":" + RepoFiles.child(dependency, "artifactId");
    }

    private static List<String> restake4jDependencies(Element project) {
        List<String> out = new ArrayList<>();
        for (Element d : RepoFiles.dependencies(project, "dependencies")) {
            if ("io.restake4j".equals(RepoFiles.child(d, "groupId"))) {
                assertNull(RepoFiles.child(d, "version"), coordinates(d) + " has a version; the BOM should give it");
                out.add(coordinates(d));
            }
        }
        return out;
    }

    /** The fenced block right after the marker {@code <!-- name -->} in README.md; the marker must occur once. */
    private static List<String> readmeBlock(String name, String language) throws Exception {
        List<String> lines = List.of(RepoFiles.read("README.md").split("\n", -1));
        String marker = "<!-- " + name + " -->";
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                assertEquals(-1, at, "README.md has " + marker + " twice");
                at = i;
            }
        }
        assertTrue(at >= 0, "README.md has no " + marker);
        assertEquals("```" + language, lines.get(at + 1).strip(), "a ```" + language + " block must follow " + marker);
        int end = at + 2;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
            end++;
        }
        assertTrue(end < lines.size(), "the block after " + marker + " is not closed");
        return normalise(lines.subList(at + 2, end));
    }

    /** The lines strictly between {@code // name:begin} and {@code // name:end}. */
    private static List<String> region(String source, String name) {
        List<String> lines = List.of(source.split("\n", -1));
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.equals("// " + name + ":begin")) {
                begin = i;
            } else if (s.equals("// " + name + ":end")) {
                end = i;
            }
        }
        assertTrue(begin >= 0 && end > begin, "no // " + name + ":begin ... // " + name + ":end region");
        return normalise(lines.subList(begin + 1, end));
    }

    /** Indentation only: the common leading blanks removed, trailing blanks and blank edge lines dropped. */
    static List<String> normalise(List<String> block) {
        List<String> lines = new ArrayList<>();
        block.forEach(l -> lines.add(l.replace("\t", "    ").stripTrailing()));
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        lines.replaceAll(l -> l.isEmpty() ? l : l.substring(indent));
        return lines;
    }

    private static void assertSameLines(List<String> source, List<String> readme, String file) {
        assertFalse(source.isEmpty(), file + ": empty region");
        for (int i = 0; i < Math.max(source.size(), readme.size()); i++) {
            String s = i < source.size() ? source.get(i) : "<end of region>";
            String r = i < readme.size() ? readme.get(i) : "<end of block>";
            assertEquals(s, r, "README.md differs from " + file + " at line " + (i + 1) + " of the block");
        }
    }
}

package io.restake4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The BOM has no parent, carries the parent's groupId and version, and manages restake4j's own artifacts only. */
class BomTest {

    @Test
    void bomHasNoParentAndTheParentsGroupAndVersion() throws Exception {
        Element parent = RepoFiles.pom("pom.xml");
        Element bom = RepoFiles.pom("sdk-bom/pom.xml");

        assertTrue(RepoFiles.children(bom, "parent").isEmpty(),
                "sdk-bom must not inherit the parent: its dependencyManagement would reach every importer");
        assertEquals("restake4j-bom", RepoFiles.child(bom, "artifactId"));
        assertEquals("pom", RepoFiles.child(bom, "packaging"));
        assertEquals(RepoFiles.child(parent, "groupId"), RepoFiles.child(bom, "groupId"), "BOM groupId");
        assertEquals(RepoFiles.child(parent, "version"), RepoFiles.child(bom, "version"), "BOM version");
        assertTrue(RepoFiles.children(parent, "modules").get(0).getTextContent().contains("sdk-bom"));
    }

    @Test
    void bomManagesOnlyRestake4jModulesAtTheBomsOwnVersion() throws Exception {
        Element parent = RepoFiles.pom("pom.xml");
        String group = RepoFiles.child(parent, "groupId");
        Set<String> moduleArtifacts = new HashSet<>();
        for (Element modules : RepoFiles.children(parent, "modules")) {
            for (Element module : RepoFiles.children(modules, "module")) {
                moduleArtifacts.add(RepoFiles.child(RepoFiles.pom(module.getTextContent().trim() + "/pom.xml"), "artifactId"));
            }
        }

        List<Element> managed = RepoFiles.dependencies(RepoFiles.pom("sdk-bom/pom.xml"), "dependencyManagement", "dependencies");
        assertFalse(managed.isEmpty(), "the BOM manages nothing");
        for (Element d : managed) {
            String artifact = RepoFiles.child(d, "artifactId");
            assertEquals(group, RepoFiles.child(d, "groupId"), "the BOM manages a foreign artifact: " + artifact);
            assertTrue(moduleArtifacts.contains(artifact), artifact + " is not a module of this build");
            assertEquals("${project.version}", RepoFiles.child(d, "version"), artifact);
            assertNull(RepoFiles.child(d, "scope"), artifact + ": a BOM entry with a scope forces it on every user");
        }
        Set<String> names = new HashSet<>();
        managed.forEach(d -> names.add(RepoFiles.child(d, "artifactId")));
        assertTrue(names.containsAll(Set.of("restake4j-core", "restake4j-devnet", "restake4j-contracts")), names.toString());
    }
}

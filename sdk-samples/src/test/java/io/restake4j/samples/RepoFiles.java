package io.restake4j.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The repository's files as the tests of this module read them: the root is the system property
 * {@code restake4j.repo.dir} (set by this module's surefire configuration), and POMs are read with the
 * JDK's DOM parser.
 *
 * <pre>{@code
 * Element bom = RepoFiles.pom("sdk-bom/pom.xml");
 * String version = RepoFiles.child(bom, "version");
 * }</pre>
 */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        String dir = System.getProperty("restake4j.repo.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property restake4j.repo.dir is not set (run through Maven)");
        }
        return Path.of(dir);
    }

    static String read(String relative) throws IOException {
        return Files.readString(root().resolve(relative));
    }

    /** The root element of the POM at {@code relative}. */
    static Element pom(String relative) throws Exception {
        try (InputStream in = Files.newInputStream(root().resolve(relative))) {
            return parse(in);
        }
    }

    static Element parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(in);
        return doc.getDocumentElement();
    }

    /** The direct child elements of {@code parent} named {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the one direct child named {@code name}, or null when there is none. */
    static String child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() > 1) {
            throw new IllegalStateException("more than one <" + name + "> in <" + parent.getTagName() + ">");
        }
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    /** The {@code <dependency>} elements under {@code path} (e.g. "dependencyManagement", "dependencies"). */
    static List<Element> dependencies(Element parent, String... path) {
        Element at = parent;
        for (String step : path) {
            List<Element> next = children(at, step);
            if (next.size() != 1) {
                return List.of();
            }
            at = next.get(0);
        }
        return children(at, "dependency");
    }
}

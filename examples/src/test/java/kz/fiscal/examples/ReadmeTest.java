package kz.fiscal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's quick start is the compiled code: its Java block is {@code QuickStart}'s text between
 * the markers and its pom is {@code examples/quickstart/pom.xml}, whose artifacts and versions are the
 * build's own.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theReadmesQuickStartJavaIsTheCompiledQuickStartVerbatim() throws Exception {
    String source = Files.readString(Path.of("src/main/java/kz/fiscal/examples/QuickStart.java"));
    String marked = between(source, "// README-BEGIN quickstart\n", "    // README-END quickstart\n");

    assertTrue(codeBlocks("java").contains(dedent(marked)),
        "README.md has no ```java block equal to QuickStart's marked code:\n" + dedent(marked));
  }

  @Test
  void theReadmesConsumerPomIsTheQuickStartPomVerbatim() throws Exception {
    String pom = Files.readString(Path.of("quickstart/pom.xml"));

    assertTrue(codeBlocks("xml").contains(pom), "README.md has no ```xml block equal to examples/quickstart/pom.xml");
  }

  @Test
  void theConsumerPomImportsThisBuildsBomAndPinsTheTestedH2() throws Exception {
    Document consumer = parse(Path.of("quickstart/pom.xml"));
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    String version = text(parent.getDocumentElement(), "version");

    Element imported = (Element) ((Element) consumer.getElementsByTagName("dependencyManagement").item(0))
        .getElementsByTagName("dependency").item(0);
    assertEquals("kz.fiscal:fiscal-bom:" + version + ":pom:import", coordinates(imported) + ":"
        + text(imported, "version") + ":" + text(imported, "type") + ":" + text(imported, "scope"));

    Map<String, String> used = new LinkedHashMap<>();
    NodeList dependencies = ((Element) consumer.getElementsByTagName("dependencies").item(1))
        .getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      used.put(coordinates(dependency), text(dependency, "version") + "/" + text(dependency, "scope"));
    }
    String h2 = text((Element) parent.getElementsByTagName("properties").item(0), "h2.version");
    assertEquals(Map.of(
        "kz.fiscal:fiscal-core", "/",
        "kz.fiscal:fiscal-transport-cloud", "/",
        "kz.fiscal:fiscal-qr", "/",
        "com.h2database:h2", h2 + "/",
        "kz.fiscal:fiscal-testkit", "/test"), used);

    List<String> pinned = new ArrayList<>();
    NodeList managed = bom.getElementsByTagName("dependency");
    for (int i = 0; i < managed.getLength(); i++) {
      pinned.add(coordinates((Element) managed.item(i)));
    }
    assertTrue(pinned.containsAll(used.keySet().stream().filter(key -> key.startsWith("kz.fiscal:")).toList()),
        "the BOM pins " + pinned);
  }

  private static List<String> codeBlocks(String language) throws Exception {
    List<String> blocks = new ArrayList<>();
    String readme = Files.readString(ROOT.resolve("README.md"));
    String open = "```" + language + "\n";
    for (int at = readme.indexOf(open); at >= 0; at = readme.indexOf(open, at + 1)) {
      int start = at + open.length();
      blocks.add(readme.substring(start, readme.indexOf("```\n", start)));
    }
    return blocks;
  }

  private static String between(String text, String begin, String end) {
    int start = text.indexOf(begin) + begin.length();
    return text.substring(start, text.indexOf(end, start));
  }

  private static String dedent(String code) {
    int indent = code.lines().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return code.lines().map(line -> line.isBlank() ? "" : line.substring(indent))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static Document parse(Path path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(path.toFile());
  }

  private static String coordinates(Element dependency) {
    return text(dependency, "groupId") + ":" + text(dependency, "artifactId");
  }

  /** The text of {@code element}'s direct child {@code name}, empty when it has none. */
  private static String text(Element element, String name) {
    for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }
}

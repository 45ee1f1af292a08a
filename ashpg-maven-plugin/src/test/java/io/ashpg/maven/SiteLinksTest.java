package io.ashpg.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the site (its markdown pages and the menu in {@code site.xml}) and of the README resolves:
 * a page {@code x.html} has its {@code src/site/markdown/x.md}; a module page {@code <module>/…} belongs to a module
 * of the build, and {@code <module>/plugin-info.html} to one whose pom reports its goals; a {@code .md} link names an
 * existing file and, with {@code #anchor}, one of its headings. Lives here because the goal reference the menu links
 * to is this module's report.
 */
class SiteLinksTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path PAGES = ROOT.resolve("src/site/markdown");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern MENU_LINK = Pattern.compile("href=\"([^\"]+)\"");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void everyRelativeLinkResolves() throws IOException {
    Map<String, Path> modules = modules();
    List<String> broken = new ArrayList<>();
    try (Stream<Path> pages = Files.list(PAGES)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        for (String link : links(page, MARKDOWN_LINK)) {
          check(page, link, modules, broken);
        }
      }
    }
    Path menu = ROOT.resolve("src/site/site.xml");
    for (String link : links(menu, MENU_LINK)) {
      check(menu, link, modules, broken);
    }
    Path readme = ROOT.resolve("README.md");
    for (String link : links(readme, MARKDOWN_LINK)) {
      check(readme, link, modules, broken);
    }
    assertThat(broken).as("broken relative links").isEmpty();
  }

  @Test
  void theCheckNoticesABrokenLink() throws IOException {
    List<String> broken = new ArrayList<>();
    Map<String, Path> modules = modules();
    check(PAGES.resolve("index.md"), "no-such-page.html", modules, broken);
    check(PAGES.resolve("index.md"), "ashpg-core/plugin-info.html", modules, broken);
    check(PAGES.resolve("index.md"), "no-such-module/index.html", modules, broken);
    check(ROOT.resolve("README.md"), "src/site/markdown/testing.md#no-such-heading", modules, broken);
    assertThat(broken).hasSize(4);
  }

  private static void check(Path from, String link, Map<String, Path> modules, List<String> broken)
      throws IOException {
    if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || link.startsWith("#") || link.startsWith("//")) {
      return; // absolute URL or same-page anchor
    }
    String target = link;
    String anchor = null;
    int hash = target.indexOf('#');
    if (hash >= 0) {
      anchor = target.substring(hash + 1);
      target = target.substring(0, hash);
    }
    boolean ok;
    if (target.endsWith(".md")) {
      Path file = from.getParent().resolve(target).normalize();
      ok = Files.isRegularFile(file) && (anchor == null || headingSlugs(file).contains(anchor));
    } else if (target.endsWith(".html") && !target.contains("/")) {
      ok = Files.isRegularFile(PAGES.resolve(target.substring(0, target.length() - ".html".length()) + ".md"));
    } else if (target.endsWith(".html")) {
      String module = target.substring(0, target.lastIndexOf('/'));
      Path dir = modules.get(module);
      String page = target.substring(target.lastIndexOf('/') + 1);
      ok = dir != null && (page.equals("index.html")
          || (page.equals("plugin-info.html") && Files.readString(dir.resolve("pom.xml"))
              .contains("<artifactId>maven-plugin-report-plugin</artifactId>")));
    } else {
      ok = Files.exists(from.getParent().resolve(target).normalize());
    }
    if (!ok) {
      broken.add(ROOT.relativize(from) + ": " + link);
    }
  }

  /** Modules of the build by artifactId and by folder (site:stage places them by either, see site.xml). */
  private static Map<String, Path> modules() throws IOException {
    Map<String, Path> out = new HashMap<>();
    Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (m.find()) {
      Path dir = ROOT.resolve(m.group(1));
      String pom = Files.readString(dir.resolve("pom.xml"));
      String afterParent = pom.substring(pom.indexOf("</parent>"));
      Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
      if (id.find()) {
        out.put(id.group(1), dir);
      }
      out.put(m.group(1), dir);
    }
    return out;
  }

  private static List<String> links(Path file, Pattern pattern) throws IOException {
    String text = stripCode(Files.readString(file, StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Text without fenced code blocks (code samples are not links). */
  private static String stripCode(String text) {
    return text.replaceAll("(?s)```.*?```", "");
  }

  /** GitHub-style anchors of the file's headings: lower case, punctuation dropped, spaces to hyphens. */
  private static List<String> headingSlugs(Path file) throws IOException {
    return stripCode(Files.readString(file, StandardCharsets.UTF_8)).lines().filter(l -> l.startsWith("#"))
        .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
            .replace(' ', '-'))
        .toList();
  }
}

package io.newsflow.enrich.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML page into its main text, one paragraph per line, and reads the metadata it declares.
 * Plain Java on jsoup's DOM, no Kafka, no I/O; never throws on odd markup.
 *
 * <p>How it decides what is the article (ideas from Readability, boilerpipe and trafilatura):
 * <ol>
 * <li>Elements that are never article text go first: scripts, styles, forms' controls, embeds, media,
 *     {@code nav}, {@code aside}, {@code footer}, hidden elements, and elements whose class, id or role
 *     name boilerplate ({@link Hints}: ads, share bars, newsletter boxes, related stories, cookie
 *     banners, comments...) unless they hold the article body.</li>
 * <li>Every paragraph of 25+ characters scores 1 + its commas + one per 100 characters (up to 3), for
 *     its parent, half for its grandparent and less up to five levels (Readability); ancestors start
 *     from a tag prior and ±25 for article-body or boilerplate names; a candidate's score is cut by its
 *     link density (text density, as in boilerpipe). The best candidate, moved up when several good
 *     candidates share an ancestor, and its siblings that score near it or read like prose, are the article.</li>
 * <li>Inside it, blocks that are mostly links (related-story lists, "Read more" lines) and lone ad
 *     labels ("Advertisement") go; headings, paragraphs and list items become lines; the headline
 *     itself is the title, not the body's first line.</li>
 * <li>When that leaves almost nothing (a gallery, a page with unusual names), it is tried again
 *     without the name rules and with captions, and the longer text wins (Readability's retry).
 *     A fragment (an RSS item's HTML, no {@code <html>} or {@code <body>}) keeps all its text.</li>
 * </ol>
 */
public final class HtmlExtractor {

    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "iframe", "svg", "canvas",
            "object", "embed", "button", "input", "select", "textarea", "label", "nav", "aside", "footer", "menu", "dialog", "head",
            "link", "meta", "video", "audio", "picture", "source", "map", "math", "amp-ad", "amp-embed", "amp-analytics",
            "amp-sidebar", "amp-social-share", "amp-iframe");
    private static final Set<String> CAPTIONS = Set.of("figure", "figcaption");
    private static final Set<String> NEVER_CONTENT_NOR_CAPTIONS = union(NEVER_CONTENT, CAPTIONS);
    private static final Set<String> KEEP = Set.of("html", "body", "article", "main");
    private static final Set<String> SCORED = Set.of("p", "pre");
    private static final Set<String> TEXT_CONTAINERS = Set.of("div", "section", "article", "span", "font", "center", "td", "blockquote");
    private static final Set<String> BOXES = Set.of("div", "section", "table", "form", "fieldset", "ul", "ol", "dl", "header");
    private static final Pattern FULL_PAGE = Pattern.compile("(?i)<(?:!doctype|html|head|body)[\\s>]");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** A line that is only an ad slot's label, in the languages of the noise rules. */
    static final Pattern AD_LABEL = Pattern.compile("(?iu)^[\\s\\p{Punct}]*(advertisement|advertisements|advert|adverts|ad|ads|"
            + "sponsored|sponsored content|paid content|paid post|promoted|promoted content|anzeige|werbung|publicité|publicite|"
            + "publicidad|pubblicità|pubblicita|reklama|advertentie|publicidade|reklame|mainos|annons|"
            + "story continues below(?: this)? advertisement|article continues below(?: this)? advertisement|"
            + "continue reading (?:the main story|below)|scroll to continue(?: with content)?|"
            + "skip advertisement|remove ads|close ad|report this ad)[\\s\\p{Punct}]*$");
    /** A line that is only a clock time or a date (a live blog's entry stamps). */
    private static final Pattern TIME_ONLY = Pattern.compile("(?iu)^(?:updated\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|gmt|bst|cet|cest|utc|et|pt|uhr|h))?$"
            + "|^\\d{4}-\\d{2}-\\d{2}(?:[t ][\\d:.+z-]*)?$");
    /**
     * A byline: "By Maren Holt", "Von Jonas Weber, Berlin": a short line that starts with "by" in some
     * language and a capital, and does not end a sentence ("By Monday, all had voted." is prose).
     */
    private static final Pattern BYLINE = Pattern.compile("(?u)^(?:By|BY|by|Von|Par|Por|Di|Door|Av|Af|Autor|Autorka|Written by)\\s+\\p{Lu}[\\p{L}'.-]*"
            + "(?:[\\s,]+(?:and\\s+|und\\s+|et\\s+|y\\s+|e\\s+)?[\\p{L}'.-]+){0,5}(?<![.!?])$");
    /** A heading that introduces links to other stories. */
    private static final Pattern RELATED = Pattern.compile("(?iu)^\\W*(related|read more|more on this|see also|more from|more stories|"
            + "recommended|most read|also read|read also|further reading|you may also like|lesen sie auch|mehr zum thema|"
            + "à lire aussi|a lire aussi|lire aussi|leer más|lee también|leggi anche|veja também|lees ook|czytaj też)\\b");
    /** Below this many characters the strict pass is retried without the name rules. */
    private static final int RETRY_BELOW_CHARS = 150;

    /** Extracts the page's main text and metadata; {@code html} may be a whole page or a fragment. */
    public ExtractedPage extract(String html) {
        if (html == null || html.isBlank()) {
            return new ExtractedPage(null, null, null, "", List.of());
        }
        Document document = Jsoup.parse(html);
        // all metadata is read before extraction removes bylines, <time> stamps and the rest from the DOM
        PageMetadata metadata = new PageMetadata(document);
        String title = metadata.title(document.selectFirst("article h1, main h1, h1"));
        Instant publishedAt = metadata.publishedAt();
        String language = metadata.language();
        List<String> tags = metadata.tags();
        String body;
        if (isFragment(html)) {
            body = join(fragmentLines(document.body()));
        } else {
            body = join(articleLines(document, title, Pass.STRICT));
            for (Pass pass : new Pass[] {Pass.WITH_CAPTIONS, Pass.WITHOUT_NAMES}) {
                if (body.length() >= RETRY_BELOW_CHARS) {
                    break;
                }
                String retry = join(articleLines(Jsoup.parse(html), title, pass));
                if (retry.length() > body.length()) {
                    body = retry;
                }
            }
            if (body.isEmpty()) {
                body = metadata.description();
            }
        }
        return new ExtractedPage(title, publishedAt, language, body, tags);
    }

    /** True when {@code html} is a fragment (no doctype, {@code <html>}, {@code <head>} or {@code <body>}). */
    public static boolean isFragment(String html) {
        return !FULL_PAGE.matcher(html).find();
    }

    private static List<String> fragmentLines(Element body) {
        remove(body, NEVER_CONTENT, false);
        return filter(TextLines.render(List.of(body)), null);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new java.util.HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    /** Readability's retries: each pass keeps more than the one before. */
    private enum Pass { STRICT, WITH_CAPTIONS, WITHOUT_NAMES }

    private static List<String> articleLines(Document document, String title, Pass pass) {
        Element body = document.body();
        remove(body, pass == Pass.STRICT ? NEVER_CONTENT_NOR_CAPTIONS : NEVER_CONTENT, true);
        Counts counts = Counts.of(body);
        if (pass != Pass.WITHOUT_NAMES) {
            removeBoilerplate(body, counts, pass == Pass.WITH_CAPTIONS);
            counts = Counts.of(body);
        }
        List<Element> content = new ArrayList<>(mainContent(body, counts));
        if (content.size() > 1) {
            final Counts before = counts;
            content.removeIf(root -> isLinkBox(root, before));
        }
        for (Element root : content) {
            removeLinkBoxes(root, counts);
        }
        return filter(TextLines.render(content), title);
    }

    /** Removes, in one pass, the elements with one of {@code tags} and, if {@code hidden}, those hidden from readers. */
    private static void remove(Element root, Set<String> tags, boolean hidden) {
        List<Element> doomed = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            if (element != root && (tags.contains(element.normalName()) || (hidden && isHidden(element)))) {
                doomed.add(element);
            }
        }
        doomed.forEach(Element::remove);
    }

    private static boolean isHidden(Element element) {
        return element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden"))
                || (element.hasAttr("style") && HIDDEN_STYLE.matcher(element.attr("style")).find());
    }

    /**
     * Removes what the names call boilerplate: strong names always, weak names unless the element holds
     * half the page's text; neither when the element holds the article body.
     */
    private static void removeBoilerplate(Element body, Counts counts, boolean keepCaptions) {
        List<Element> elements = body.getAllElements();
        Map<Element, Hints.Kind> kinds = new IdentityHashMap<>();
        for (Element element : elements) {
            kinds.put(element, Hints.kind(element));
        }
        Set<Element> holdsArticle = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element element : elements) {
            boolean marked = kinds.get(element) == Hints.Kind.ARTICLE || "articleBody".equalsIgnoreCase(element.attr("itemprop"));
            if (marked && counts.text(element) >= 100 && !insideBoilerplate(element, kinds)) {
                for (Element up = element; up != null; up = up.parent()) {
                    holdsArticle.add(up);
                }
            }
        }
        int total = Math.max(1, counts.text(body));
        List<Element> doomed = new ArrayList<>();
        for (Element element : elements) {
            Hints.Kind kind = kinds.get(element);
            if (kind != Hints.Kind.STRONG_BOILERPLATE && kind != Hints.Kind.WEAK_BOILERPLATE) {
                continue;
            }
            if (KEEP.contains(element.normalName()) || holdsArticle.contains(element)
                    || (keepCaptions && (CAPTIONS.contains(element.normalName()) || !element.getElementsByTag("figcaption").isEmpty()))) {
                continue;
            }
            boolean list = element.normalName().equals("ul") || element.normalName().equals("ol");
            if (kind == Hints.Kind.STRONG_BOILERPLATE || list || (counts.text(element) * 2 < total && proseParagraphs(element, counts) < 3)) {
                doomed.add(element);
            }
        }
        for (Element element : doomed) {
            if (element.parent() != null) {
                element.remove();
            }
        }
    }

    /** Paragraphs of 80+ characters that are not mostly links: what a header, footer or sidebar does not hold. */
    private static int proseParagraphs(Element element, Counts counts) {
        if (element.normalName().equals("ul") || element.normalName().equals("ol")) {
            return 0;
        }
        int prose = 0;
        for (Element p : element.getElementsByTag("p")) {
            if (counts.text(p) >= 80 && counts.linkDensity(p) < 0.3) {
                prose++;
            }
        }
        return prose;
    }

    /** A comment's "entry-content" is still a comment: true when an ancestor has a strong boilerplate name. */
    private static boolean insideBoilerplate(Element element, Map<Element, Hints.Kind> kinds) {
        for (Element up = element.parent(); up != null; up = up.parent()) {
            if (kinds.get(up) == Hints.Kind.STRONG_BOILERPLATE) {
                return true;
            }
        }
        return false;
    }

    /** The article's elements: the best-scoring candidate and the siblings that belong with it (Readability). */
    private static List<Element> mainContent(Element body, Counts counts) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        for (Element element : body.getAllElements()) {
            if (!isParagraph(element)) {
                continue;
            }
            int length = counts.text(element);
            if (length < 25) {
                continue;
            }
            String text = element.text();
            double score = 1 + commas(text) + Math.min(length / 100, 3);
            Element ancestor = element.parent();
            for (int level = 0; level < 5 && ancestor != null && ancestor != body.parent(); level++) {
                double[] total = scores.computeIfAbsent(ancestor, HtmlExtractor::prior);
                total[0] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                ancestor = ancestor.parent();
            }
        }
        if (scores.isEmpty()) {
            return List.of(body);
        }
        List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
        scores.forEach((element, score) -> ranked.add(Map.entry(element, score[0] * (1 - counts.linkDensity(element)))));
        ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();
        top = sharedAncestor(top, topScore, ranked, body);
        top = betterParent(top, scores, counts, body);
        while (top.parent() != null && top != body && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        if (top == body) {
            return List.of(body);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> content = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top) {
                content.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            double[] score = scores.get(sibling);
            if (score != null && score[0] * (1 - counts.linkDensity(sibling)) + bonus >= threshold) {
                content.add(sibling);
            } else if (sibling.normalName().equals("p") || isParagraph(sibling)) {
                int length = counts.text(sibling);
                double links = counts.linkDensity(sibling);
                String text = sibling.text();
                if ((length > 80 && links < 0.25) || (length > 0 && links == 0 && endsSentence(text))) {
                    content.add(sibling);
                }
            }
        }
        return content;
    }

    /**
     * Readability's walk up: an ancestor that scores higher than the candidate below it holds more of
     * the article (an article cut into sections by figures and asides); stop where scores fall below a third.
     */
    private static Element betterParent(Element top, Map<Element, double[]> scores, Counts counts, Element body) {
        double last = adjusted(top, scores, counts);
        double floor = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            if (!scores.containsKey(parent)) {
                continue;
            }
            double score = adjusted(parent, scores, counts);
            if (score < floor) {
                break;
            }
            if (score > last) {
                return parent;
            }
            last = score;
        }
        return top;
    }

    private static double adjusted(Element element, Map<Element, double[]> scores, Counts counts) {
        double[] score = scores.get(element);
        return score == null ? 0 : score[0] * (1 - counts.linkDensity(element));
    }

    /** When three or more near-best candidates sit under one ancestor of the best, the article is that ancestor. */
    private static Element sharedAncestor(Element top, double topScore, List<Map.Entry<Element, Double>> ranked, Element body) {
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 6); i++) {
            if (ranked.get(i).getValue() >= topScore * 0.75) {
                alternatives.add(ranked.get(i).getKey());
            }
        }
        if (alternatives.size() < 3) {
            return top;
        }
        for (Element parent = top.parent(); parent != null && parent != body.parent(); parent = parent.parent()) {
            int holding = 0;
            for (Element alternative : alternatives) {
                if (parent == alternative || alternative.parents().contains(parent)) {
                    holding++;
                }
            }
            if (holding >= 3) {
                return parent;
            }
        }
        return top;
    }

    private static double[] prior(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        score += "articleBody".equalsIgnoreCase(element.attr("itemprop")) ? 25 : Hints.weight(element);
        return new double[] {score};
    }

    /** A paragraph to score: {@code p}, {@code pre}, {@code td}, a quote, or a div holding text but no blocks. */
    private static boolean isParagraph(Element element) {
        String tag = element.normalName();
        if (SCORED.contains(tag)) {
            return true;
        }
        if (!TEXT_CONTAINERS.contains(tag)) {
            return false;
        }
        for (Element child : element.children()) {
            if (TextLines.BLOCKS.contains(child.normalName())) {
                return false;
            }
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text && !text.isBlank()) {
                return !tag.equals("span") && !tag.equals("font") || element.parent() == null
                        || !isParagraph(element.parent());
            }
        }
        return false;
    }

    /** Inside the article: lists and boxes that are mostly links, link-only short lines, lone ad labels, empty boxes. */
    private static void removeLinkBoxes(Element root, Counts counts) {
        List<Element> all = root.getAllElements();
        for (int i = all.size() - 1; i >= 1; i--) {
            Element element = all.get(i);
            if (element.parent() != null && isLinkBox(element, counts)) {
                element.remove();
            }
        }
    }

    private static boolean isLinkBox(Element element, Counts counts) {
        String tag = element.normalName();
        int length = counts.text(element);
        double links = counts.linkDensity(element);
        boolean remove;
        if (tag.equals("ul") || tag.equals("ol") || tag.equals("dl")) {
            // a list of links is kept (it may be the article's own), unless a "Related" heading introduces it
            Element previous = element.previousElementSibling();
            remove = links > 0.5 && previous != null && RELATED.matcher(previous.text()).find();
        } else if (BOXES.contains(tag)) {
            remove = links > 0.5 && commas(element.text()) < 10 && !Hints.isArticleBody(element);
        } else if (tag.equals("p") || tag.equals("li") || tag.equals("h2") || tag.equals("h3") || tag.equals("h4")) {
            remove = (links > 0.8 && length < 160) || (links > 0.5 && RELATED.matcher(element.text()).find());
        } else {
            remove = false;
        }
        if (!remove && length > 0 && length < 40 && !tag.equals("a")) {
            String text = element.text();
            remove = AD_LABEL.matcher(text).matches() || (RELATED.matcher(text).find() && nextIsLinks(element, counts));
        }
        return remove;
    }

    private static boolean nextIsLinks(Element element, Counts counts) {
        Element next = element.nextElementSibling();
        return next != null && counts.linkDensity(next) > 0.5;
    }

    /** Drops lone ad labels and the headline when it opens the body. */
    private static List<String> filter(List<String> lines, String title) {
        List<String> kept = new ArrayList<>(lines.size());
        String headline = title == null ? null : normalise(title);
        for (String line : lines) {
            if (AD_LABEL.matcher(line).matches()) {
                continue;
            }
            if (headline != null && kept.size() < 3 && normalise(line).equals(headline)) {
                continue;
            }
            if (TIME_ONLY.matcher(line).matches() || (kept.size() < 3 && BYLINE.matcher(line).matches())) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}\u2018\u2019\u201c\u201d]+", " ").strip();
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    private static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uff0c' || c == '\u060c' || c == '\u3001') {
                commas++;
            }
        }
        return commas;
    }

    private static boolean endsSentence(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        char last = stripped.charAt(stripped.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201d' || last == '\u3002';
    }

    /** Characters of text (whitespace not counted) and of text inside links, per element, counted in one pass. */
    private static final class Counts implements NodeVisitor {
        private final Map<Element, int[]> counts = new IdentityHashMap<>();
        private final List<int[]> stack = new ArrayList<>();
        private int linkDepth;

        static Counts of(Element root) {
            Counts counts = new Counts();
            root.traverse(counts);
            return counts;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                stack.add(new int[2]);
                if (element.normalName().equals("a")) {
                    linkDepth++;
                }
            } else if (node instanceof TextNode text && !stack.isEmpty()) {
                String whole = text.getWholeText();
                int chars = 0;
                for (int i = 0; i < whole.length(); i++) {
                    if (!Character.isWhitespace(whole.charAt(i)) && whole.charAt(i) != '\u00a0') {
                        chars++;
                    }
                }
                int[] top = stack.get(stack.size() - 1);
                top[0] += chars;
                if (linkDepth > 0) {
                    top[1] += chars;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                int[] mine = stack.remove(stack.size() - 1);
                counts.put(element, mine);
                if (!stack.isEmpty()) {
                    int[] parent = stack.get(stack.size() - 1);
                    parent[0] += mine[0];
                    parent[1] += mine[1];
                }
                if (element.normalName().equals("a")) {
                    linkDepth--;
                }
            }
        }

        int text(Element element) {
            int[] count = counts.get(element);
            return count == null ? 0 : count[0];
        }

        double linkDensity(Element element) {
            int[] count = counts.get(element);
            return count == null || count[0] == 0 ? 0 : (double) count[1] / count[0];
        }
    }
}

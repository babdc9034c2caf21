package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Renders elements as text, one paragraph per line: every block element (paragraph, heading, list
 * item, quote, table row, a div holding text) starts a line, {@code <br>} breaks one, runs of
 * whitespace inside a line become one space, {@code <pre>} keeps its lines. A short line that is all
 * link text outside a list ("Print this story | Email this story") is navigation, not prose, and is dropped.
 */
final class TextLines {

    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
            "ul", "caption", "html", "menu", "output");

    private TextLines() {
    }

    /** The lines of {@code roots}, rendered in order; blank lines dropped. */
    static List<String> render(List<Element> roots) {
        Renderer renderer = new Renderer();
        for (Element root : roots) {
            root.traverse(renderer);
            renderer.breakLine();
        }
        // all navigation: a page of nothing but links is still better shown than empty
        return renderer.lines.isEmpty() ? renderer.navigation : renderer.lines;
    }

    private static final class Renderer implements NodeVisitor {
        private final List<String> lines = new ArrayList<>();
        private final List<String> navigation = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int preDepth;
        private int linkDepth;
        private int listDepth;
        private int linkChars;
        private int chars;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("a")) {
                    linkDepth++;
                } else if (tag.equals("li")) {
                    listDepth++;
                }
                if (tag.equals("br")) {
                    breakLine();
                } else if (tag.equals("pre")) {
                    breakLine();
                    preDepth++;
                } else if (BLOCKS.contains(tag)) {
                    breakLine();
                } else if (tag.equals("td") || tag.equals("th") || tag.equals("img")) {
                    space();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                }
                if (tag.equals("pre")) {
                    breakLine();
                    preDepth--;
                } else if (BLOCKS.contains(tag)) {
                    breakLine();
                } else if (tag.equals("td") || tag.equals("th")) {
                    space();
                }
                if (tag.equals("li")) {
                    listDepth--;
                }
            }
        }

        private void append(String text) {
            if (preDepth > 0) {
                int start = 0;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        appendCollapsed(text, start, i);
                        breakLine();
                        start = i + 1;
                    }
                }
                appendCollapsed(text, start, text.length());
                return;
            }
            appendCollapsed(text, 0, text.length());
        }

        private void appendCollapsed(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '\u200b' || c == '\ufeff') {
                    continue;
                }
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    space();
                } else {
                    line.append(c);
                    chars++;
                    if (linkDepth > 0) {
                        linkChars++;
                    }
                }
            }
        }

        private void space() {
            if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
        }

        void breakLine() {
            String text = line.toString().strip();
            boolean navigation = listDepth == 0 && chars < 120 && linkChars >= chars * 0.9;
            if (!text.isEmpty()) {
                (navigation ? this.navigation : lines).add(text);
            }
            line.setLength(0);
            chars = 0;
            linkChars = 0;
        }
    }
}

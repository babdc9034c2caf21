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
 * whitespace inside a line become one space, {@code <pre>} keeps its lines.
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
        return renderer.lines;
    }

    private static final class Renderer implements NodeVisitor {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
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
                if (tag.equals("pre")) {
                    breakLine();
                    preDepth--;
                } else if (BLOCKS.contains(tag)) {
                    breakLine();
                } else if (tag.equals("td") || tag.equals("th")) {
                    space();
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
            if (!text.isEmpty()) {
                lines.add(text);
            }
            line.setLength(0);
        }
    }
}

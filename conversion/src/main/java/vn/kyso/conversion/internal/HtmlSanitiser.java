package vn.kyso.conversion.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.nodes.Comment;
import org.jsoup.parser.Parser;

/**
 * Rewrites uploaded HTML so that LibreOffice has nothing to fetch while importing it. LibreOffice loads
 * every {@code <img src>}, linked stylesheet, frame and object it finds, over {@code http:} and from
 * {@code file:}, and embeds what it gets into the PDF: an uploaded page could read the server's files
 * into the result or make the server call internal hosts. Only the document's own content stays:
 * elements that load something are removed, URL attributes are kept only where they are a hyperlink
 * ({@code http(s):}, {@code mailto:}, {@code #fragment}) or an inline {@code data:image/…}, and CSS loses
 * its {@code url(…)} and {@code @import}. The parser is jsoup's HTML5 parser: what it sees is what a
 * browser, and LibreOffice's importer, would see; it resolves no entities from a DOCTYPE.
 */
final class HtmlSanitiser {

    /** Elements whose only purpose is loading or running something else. */
    private static final Set<String> REMOVED = Set.of("script", "noscript", "iframe", "frame", "frameset",
            "object", "embed", "applet", "param", "base", "link", "audio", "video", "source", "track", "portal",
            "template", "svg", "math", "form", "input", "button", "select", "textarea", "meta");
    /** Attributes that name something to load or to go to. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("src", "href", "srcset", "background", "poster",
            "data", "codebase", "cite", "action", "formaction", "lowsrc", "dynsrc", "longdesc", "usemap",
            "profile", "classid", "archive", "manifest", "icon", "xlink:href", "ping", "content");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import[^;]*;?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\s*\\([^)]*\\)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_RISKY = Pattern.compile("\\\\|expression\\s*\\(|behavior\\s*:|-moz-binding"
            + "|image-set\\s*\\(|src\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_IMAGE = Pattern.compile(
            "data:image/(png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/=\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HYPERLINK = Pattern.compile("(https?:|mailto:|#)[^\\s]*",
            Pattern.CASE_INSENSITIVE);

    private HtmlSanitiser() {
    }

    /** @return the sanitised page as UTF-8, declared as such */
    static byte[] sanitise(byte[] html) {
        Document document = Jsoup.parse(new String(html, charsetOf(html)), "", Parser.htmlParser());
        List<Node> doomed = new ArrayList<>();
        document.traverse((node, depth) -> {
            if (node instanceof DocumentType || node instanceof Comment || node instanceof XmlDeclaration) {
                doomed.add(node);
            } else if (node instanceof Element element) {
                clean(element, doomed);
            }
        });
        doomed.forEach(Node::remove);
        document.head().prependElement("meta").attr("charset", "utf-8");
        document.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        return ("<!DOCTYPE html>\n" + document.outerHtml()).getBytes(StandardCharsets.UTF_8);
    }

    private static void clean(Element element, List<Node> doomed) {
        String tag = element.normalName();
        if (REMOVED.contains(tag) || tag.contains(":")) {
            // namespaced elements (svg:image, v:imagedata, o:OLEObject) are how Office HTML links files
            doomed.add(element);
            return;
        }
        if (tag.equals("style")) {
            for (DataNode data : element.dataNodes()) {
                data.setWholeData(css(data.getWholeData()));
            }
            return;
        }
        List<String> drop = new ArrayList<>();
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue().strip();
            if (name.startsWith("on")) {
                drop.add(attribute.getKey());
            } else if (name.equals("style")) {
                attribute.setValue(css(value));
            } else if (URL_ATTRIBUTES.contains(name) || name.contains(":")) {
                boolean keep = name.equals("href") && tag.equals("a") && HYPERLINK.matcher(value).matches()
                        || name.equals("src") && tag.equals("img") && DATA_IMAGE.matcher(value).matches();
                if (!keep) {
                    drop.add(attribute.getKey());
                }
            }
        }
        drop.forEach(element::removeAttr);
        if (tag.equals("img") && !element.hasAttr("src")) {
            // an image with nothing to show keeps its alternative text in the flow
            element.replaceWith(new TextNode(element.attr("alt")));
        }
    }

    /** CSS without anything it would load; what might hide a URL through escapes goes entirely. */
    static String css(String css) {
        if (CSS_RISKY.matcher(css).find()) {
            return "";
        }
        return CSS_URL.matcher(CSS_IMPORT.matcher(css).replaceAll("")).replaceAll("none");
    }

    /** The charset the page declares in its first bytes or a BOM; UTF-8 otherwise. */
    private static java.nio.charset.Charset charsetOf(byte[] html) {
        if (html.length >= 2 && (html[0] & 0xff) == 0xFF && (html[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (html.length >= 2 && (html[0] & 0xff) == 0xFE && (html[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        String head = new String(html, 0, Math.min(html.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        var m = Pattern.compile("charset\\s*=\\s*[\"']?([a-z0-9_.:-]+)").matcher(head);
        if (m.find()) {
            try {
                return java.nio.charset.Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}

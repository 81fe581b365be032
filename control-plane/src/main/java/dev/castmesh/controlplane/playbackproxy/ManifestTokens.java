package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.security.QueryToken;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A DASH manifest read with {@code ?token=}: the token appended to every relative segment, initialization and index
 * URL, so that a player that sends no header (a {@code <video>} tag, a player given a bare URL) reads the segments
 * with it too. (A query on the MPD's URL or a BaseURL is not inherited by the URLs resolved against it, RFC 3986
 * §5.2; DASH's {@code urn:mpeg:dash:urlparam} descriptors would be, but few players read them.) Absolute URLs are
 * left alone, and a manifest with an absolute {@code BaseURL} is not rewritten at all: the token goes to no other
 * host. Pure.
 */
final class ManifestTokens {
    /** The attributes that hold segment URLs, by element (ISO/IEC 23009-1 §5.3.9). */
    private static final Map<String, Set<String>> URL_ATTRIBUTES = Map.of(
            "SegmentTemplate", Set.of("media", "initialization", "index"),
            "SegmentURL", Set.of("media", "index"),
            "Initialization", Set.of("sourceURL"),
            "RepresentationIndex", Set.of("sourceURL"));
    private static final Pattern ABSOLUTE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|//).*", Pattern.DOTALL);

    private ManifestTokens() {
    }

    /** The manifest with the token in its segment URLs; empty when it is not XML (then it is served as stored). */
    static Optional<byte[]> append(byte[] manifest, String token) {
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(manifest));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
        NodeList baseUrls = doc.getElementsByTagNameNS("*", "BaseURL");
        for (int i = 0; i < baseUrls.getLength(); i++) {
            if (ABSOLUTE.matcher(baseUrls.item(i).getTextContent().strip()).matches()) {
                return Optional.of(manifest);
            }
        }
        String parameter = QueryToken.PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            for (String name : URL_ATTRIBUTES.getOrDefault(element.getLocalName(), Set.of())) {
                String url = element.getAttribute(name);
                if (!url.isEmpty() && !ABSOLUTE.matcher(url).matches()) {
                    element.setAttribute(name, url + (url.contains("?") ? "&" : "?") + parameter);
                }
            }
        }
        return Optional.of(serialize(doc));
    }

    private static javax.xml.parsers.DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser has these features", e);
        }
    }

    private static byte[] serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("a parsed document serializes", e);
        }
    }
}

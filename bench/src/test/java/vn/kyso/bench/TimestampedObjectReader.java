package vn.kyso.bench;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonParser;
import eu.europa.esig.dss.diagnostic.jaxb.XmlAbstractToken;
import eu.europa.esig.dss.diagnostic.jaxb.XmlCertificate;
import eu.europa.esig.dss.diagnostic.jaxb.XmlEvidenceRecord;
import eu.europa.esig.dss.diagnostic.jaxb.XmlOrphanCertificateToken;
import eu.europa.esig.dss.diagnostic.jaxb.XmlOrphanRevocationToken;
import eu.europa.esig.dss.diagnostic.jaxb.XmlRevocation;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignature;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignerData;
import eu.europa.esig.dss.diagnostic.jaxb.XmlTimestamp;
import eu.europa.esig.dss.diagnostic.jaxb.XmlTimestampedObject;
import eu.europa.esig.dss.enumerations.TimestampedObjectType;
import java.io.IOException;

/**
 * The one addition DSS's REST clients make to the webapp's mapper: the diagnostic data names a time-stamped
 * object by category and id only (a JAXB IDREF to an abstract token), which Jackson cannot instantiate on
 * its own; DSS's REST integration tests register a deserializer like this one on the client side.
 */
final class TimestampedObjectReader extends StdDeserializer<XmlTimestampedObject> {

    private static final long serialVersionUID = 1L;

    private TimestampedObjectReader() {
        super(XmlTimestampedObject.class);
    }

    static SimpleModule module() {
        return new SimpleModule("dss-rest-client").addDeserializer(XmlTimestampedObject.class,
                new TimestampedObjectReader());
    }

    @Override
    public XmlTimestampedObject deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        TimestampedObjectType category = TimestampedObjectType.valueOf(node.get("Category").textValue());
        XmlAbstractToken token = switch (category) {
            case SIGNATURE -> new XmlSignature();
            case CERTIFICATE -> new XmlCertificate();
            case REVOCATION -> new XmlRevocation();
            case TIMESTAMP -> new XmlTimestamp();
            case EVIDENCE_RECORD -> new XmlEvidenceRecord();
            case SIGNED_DATA -> new XmlSignerData();
            case ORPHAN_CERTIFICATE -> new XmlOrphanCertificateToken();
            case ORPHAN_REVOCATION -> new XmlOrphanRevocationToken();
        };
        token.setId(node.get("Token").textValue());
        XmlTimestampedObject object = new XmlTimestampedObject();
        object.setCategory(category);
        object.setToken(token);
        return object;
    }
}

package vn.kyso.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.exchange.EdxmlTestSupport.DS;
import static vn.kyso.exchange.EdxmlTestSupport.NS;
import static vn.kyso.exchange.EdxmlTestSupport.SO_NOI_VU;
import static vn.kyso.exchange.EdxmlTestSupport.UBND;
import static vn.kyso.exchange.EdxmlTestSupport.first;
import static vn.kyso.exchange.EdxmlTestSupport.letterTo;
import static vn.kyso.exchange.EdxmlTestSupport.parse;
import static vn.kyso.exchange.EdxmlTestSupport.resign;
import static vn.kyso.exchange.EdxmlTestSupport.text;
import static vn.kyso.exchange.EdxmlTestSupport.write;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.exchange.ExchangeSettings.LocalOrgan;
import vn.kyso.exchange.internal.EdxmlExchangeService;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.Verdict;

/**
 * The exchange between two demo agencies on the real signing, validation and archive services, and
 * the packages a receiver must refuse, each with its own reason.
 */
class ExchangeServiceTest {

    static final ExchangeSettings SETTINGS = new ExchangeSettings(List.of(new LocalOrgan(UBND, "ubnd-binh-an"),
            new LocalOrgan(SO_NOI_VU, "so-noi-vu-binh-an")), SignatureLevel.B_T, 5_000_000, "EDXML", 10);

    static HikariDataSource database;
    static ArchiveService archive;
    static ExchangeService exchange;
    static byte[] letter;
    static byte[] message;

    @BeforeAll
    static void agencies() {
        database = ArchiveFixture.newDatabase("exchange");
        archive = ArchiveFixture.service(database, new InMemoryObjectStore());
        exchange = new EdxmlExchangeService(ValidationFixture.signer(), ValidationFixture.service(), archive, SETTINGS,
                Clock.systemUTC());
        letter = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_T);
        message = exchange.build(letterTo(SO_NOI_VU, letter)).edxml();
        ValidationFixture.artifact("edxml-message.xml", message);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void roundTripBetweenTwoAgencies() {
        Document d = parse(message);
        Element root = d.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("edXML");
        assertThat(first(d, NS, "CodeNotation").getTextContent()).isEqualTo("UBND-VP");
        assertThat(first(first(d, NS, "To"), NS, "OrganId").getTextContent()).isEqualTo(SO_NOI_VU.organId());
        assertThat(first(d, NS, "FullName").getTextContent()).isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        // The SDK's place for the signature: edXMLEnvelope/edXMLHeader/DigitalSignature.
        Element signature = first(d, DS, "Signature");
        Element slot = (Element) signature.getParentNode();
        assertThat(slot.getLocalName()).isEqualTo("DigitalSignature");
        assertThat(slot.getParentNode().getLocalName()).isEqualTo("edXMLHeader");
        assertThat(slot.getParentNode().getParentNode().getParentNode()).isSameAs(root);

        IncomingResult r = exchange.receive(message, SO_NOI_VU.organId());

        assertThat(r.status()).as(r.reasonText()).isEqualTo(StatusCode.RECEIVED);
        assertThat(r.accepted()).isTrue();
        assertThat(r.header().numberSymbol()).isEqualTo("123/UBND-VP");
        assertThat(r.header().priority()).isEqualTo(Priority.URGENT);
        assertThat(r.attachments()).singleElement().satisfies(a -> {
            assertThat(a.verdict()).isEqualTo("VALID");
            assertThat(a.signers()).containsExactly("Ủy ban nhân dân tỉnh Bình An");
            assertThat(a.recordId()).isNotNull();
        });
        RecordDetails pkg = archive.record(r.packageRecord());
        assertThat(pkg.metadata().numberSymbol()).isEqualTo("123/UBND-VP");
        assertThat(pkg.metadata().issuer()).isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        assertThat(pkg.validation().verdict()).isEqualTo(Verdict.VALID);
        assertThat(archive.content(r.attachments().get(0).recordId()).content()).isEqualTo(letter);

        ValidationFixture.artifact("edxml-status-received.xml", r.statusMessage());
        Document status = parse(r.statusMessage());
        assertThat(first(status, NS, "StatusCode").getTextContent()).isEqualTo("01");
        assertThat(first(first(status, NS, "From"), NS, "OrganId").getTextContent()).isEqualTo(SO_NOI_VU.organId());
        assertThat(first(first(status, NS, "ResponseFor"), NS, "DocumentId").getTextContent())
                .isEqualTo("000.00.00.H99,2026/11/20,123/UBND-VP");
        var statusReport = ValidationFixture.validate(new SignedFile("status.xml", r.statusMessage())).report();
        assertThat(statusReport.verdict()).isEqualTo(Verdict.VALID);
        assertThat(statusReport.signatures().get(0).signerName()).isEqualTo("Sở Nội vụ tỉnh Bình An");
    }

    @Test
    void headerChangedAfterSigningIsRejected() {
        String xml = text(message);
        byte[] tampered = xml.replaceFirst("CodeNumber>123<", "CodeNumber>124<").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(message);

        assertRejected(exchange.receive(tampered, SO_NOI_VU.organId()), ExchangeError.SIGNATURE_INVALID);
    }

    @Test
    void unsignedPackageIsRejected() {
        byte[] unsigned = resign(message, d -> { }, null);

        assertRejected(exchange.receive(unsigned, SO_NOI_VU.organId()), ExchangeError.UNSIGNED);
    }

    @Test
    void attachmentSwappedForAnotherSignedLetterIsRejected() {
        byte[] other = ValidationFixture.sign(ValidationFixture.threePageLetter(), "ubnd-binh-an", SignatureLevel.B_T);
        // The sender's system swaps the file after the header was written and signs the result: the
        // signature is valid, the header's digest is not the file's.
        byte[] swapped = resign(message, d -> first(d, NS, "ContentTransferEncoded")
                .setTextContent(Base64.getEncoder().encodeToString(other)), "ubnd-binh-an");

        assertRejected(exchange.receive(swapped, SO_NOI_VU.organId()), ExchangeError.ATTACHMENT_DIGEST_MISMATCH);
    }

    @Test
    void attachmentSwappedAfterSigningBreaksTheSignature() {
        byte[] other = ValidationFixture.sign(ValidationFixture.threePageLetter(), "ubnd-binh-an", SignatureLevel.B_T);
        Document d = parse(message);
        first(d, NS, "ContentTransferEncoded").setTextContent(Base64.getEncoder().encodeToString(other));

        assertRejected(exchange.receive(write(d), SO_NOI_VU.organId()), ExchangeError.SIGNATURE_INVALID);
    }

    @Test
    void letterSignedBySomeoneElseThanTheHeaderSaysIsRejected() {
        byte[] other = ValidationFixture.sign(ValidationFixture.oneLetter(), "so-noi-vu-binh-an", SignatureLevel.B_T);
        byte[] swapped = resign(message, d -> {
            first(d, NS, "ContentTransferEncoded").setTextContent(Base64.getEncoder().encodeToString(other));
            Element digest = first(d, "urn:kyso:edxml:1", "Sha256");
            digest.getParentNode().removeChild(digest);
        }, "ubnd-binh-an");

        assertRejected(exchange.receive(swapped, SO_NOI_VU.organId()), ExchangeError.HEADER_MISMATCH);
    }

    @Test
    void packageSignedWithAPublicFamilyKeyIsRejected() {
        byte[] company = resign(message, d -> { }, "cong-ty-sao-mai");

        assertRejected(exchange.receive(company, SO_NOI_VU.organId()), ExchangeError.SIGNER_NOT_SPECIALISED);
    }

    @Test
    void packageFromAnotherAgencyThanItsSignerIsRejected() {
        byte[] forged = resign(message, d -> first(first(d, NS, "From"), NS, "OrganName")
                .setTextContent("Bộ Nội vụ"), "ubnd-binh-an");

        assertRejected(exchange.receive(forged, SO_NOI_VU.organId()), ExchangeError.HEADER_MISMATCH);
    }

    @Test
    void packageForAnotherAgencyIsRejected() {
        assertRejected(exchange.receive(message, UBND.organId()), ExchangeError.WRONG_RECEIVER);
    }

    @Test
    void externalEntityIsRejectedWithoutReadingTheFile() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<edXML xmlns=\"" + NS + "\"><edXMLEnvelope><edXMLHeader><MessageHeader><Subject>&xxe;</Subject>"
                + "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>";

        IncomingResult r = exchange.receive(xxe.getBytes(StandardCharsets.UTF_8), SO_NOI_VU.organId());

        assertRejected(r, ExchangeError.FORBIDDEN_XML);
        assertThat(r.reasonText()).doesNotContain("root:");
        assertThat(text(r.statusMessage())).doesNotContain("root:x").doesNotContain("/bin/");
    }

    @Test
    void entityExpansionBombIsRejected() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<edXML xmlns=\"" + NS + "\">&lol3;</edXML>";

        assertRejected(exchange.receive(bomb.getBytes(StandardCharsets.UTF_8), SO_NOI_VU.organId()),
                ExchangeError.FORBIDDEN_XML);
    }

    @Test
    void signedOriginalUnderAWrapperWithAForgedHeaderIsRejected() {
        // Classic wrapping: the signed message moved under a wrapper element, a forged envelope placed
        // where a reader looks for it.
        Document original = parse(message);
        Document attack = parse(message);
        Element root = attack.getDocumentElement();
        Node signature = first(attack, DS, "Signature");
        signature.getParentNode().removeChild(signature);
        first(attack, NS, "Subject").setTextContent("Về việc chuyển tiền gấp");
        Element wrapper = attack.createElementNS(NS, "Wrapper");
        wrapper.appendChild(attack.importNode(original.getDocumentElement(), true));
        root.appendChild(wrapper);

        assertRejected(exchange.receive(write(attack), SO_NOI_VU.organId()), ExchangeError.SIGNATURE_WRAPPING);
    }

    @Test
    void secondSignatureOrRepeatedIdIsRejected() {
        Document twice = parse(message);
        Element root = twice.getDocumentElement();
        Element envelope = first(twice, NS, "edXMLEnvelope");
        envelope.appendChild(first(twice, DS, "Signature").cloneNode(true));
        assertRejected(exchange.receive(write(twice), SO_NOI_VU.organId()), ExchangeError.SIGNATURE_WRAPPING);

        Document repeated = parse(message);
        Element signedProperties = first(repeated, "http://uri.etsi.org/01903/v1.3.2#", "SignedProperties");
        Element decoy = repeated.createElementNS(NS, "edXML:Decoy");
        decoy.setAttribute("Id", signedProperties.getAttribute("Id"));
        first(repeated, NS, "edXMLBody").appendChild(decoy);
        assertThat(root).isNotNull();
        assertRejected(exchange.receive(write(repeated), SO_NOI_VU.organId()), ExchangeError.SIGNATURE_WRAPPING);
    }

    @Test
    void oversizedMessageIsRejectedUnread() {
        ExchangeSettings small = new ExchangeSettings(SETTINGS.organs(), SignatureLevel.B_T, 4096, "EDXML", 10);
        ExchangeService strict = new EdxmlExchangeService(ValidationFixture.signer(), ValidationFixture.service(),
                archive, small, Clock.systemUTC());

        assertRejected(strict.receive(message, SO_NOI_VU.organId()), ExchangeError.MESSAGE_TOO_LARGE);
    }

    @Test
    void notXmlAndNotEdxmlAreRejected() {
        assertRejected(exchange.receive("not xml".getBytes(StandardCharsets.UTF_8), SO_NOI_VU.organId()),
                ExchangeError.MALFORMED_MESSAGE);
        assertRejected(exchange.receive("<a xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8), SO_NOI_VU.organId()),
                ExchangeError.NOT_EDXML);
    }

    @Test
    void buildRefusesAnUnsignedAttachmentAndAForeignSender() {
        assertThatThrownBy(() -> exchange.build(letterTo(SO_NOI_VU, ValidationFixture.oneLetter())))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.error()).isEqualTo(ExchangeError.INVALID_REQUEST));
        OutgoingRequest r = letterTo(SO_NOI_VU, letter);
        OutgoingRequest foreign = new OutgoingRequest(new Organ("000.00.00.G01", "Bộ Nội vụ"), r.to(),
                r.codeNumber(), r.codeNotation(), r.place(), r.promulgationDate(), r.documentType(), r.subject(),
                null, null, null, null, null, null, r.attachments(), null);
        assertThatThrownBy(() -> exchange.build(foreign)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.error()).isEqualTo(ExchangeError.INVALID_REQUEST));
    }

    @Test
    void processingAndDoneStatusMessages() {
        for (StatusCode code : List.of(StatusCode.PROCESSING, StatusCode.DONE)) {
            byte[] status = exchange.status(new StatusRequest(SO_NOI_VU, UBND, "000.00.00.H99,2026/11/20,123/UBND-VP",
                    "123/UBND-VP", code, "Đã giao phòng Công chức xử lý", "Lê Minh Khoa", "Phòng Công chức"));
            Document d = parse(status);
            assertThat(first(d, NS, "StatusCode").getTextContent()).isEqualTo(code.code());
            assertThat(first(d, NS, "Staff").getTextContent()).isEqualTo("Lê Minh Khoa");
            assertThat(ValidationFixture.validate(new SignedFile("status.xml", status)).report().verdict())
                    .isEqualTo(Verdict.VALID);
        }
    }

    static void assertRejected(IncomingResult r, ExchangeError reason) {
        assertThat(r.status()).as(String.valueOf(r.reasonText())).isEqualTo(StatusCode.REJECTED);
        assertThat(r.reason()).as(r.reasonText()).isEqualTo(reason);
        assertThat(r.packageRecord()).isNull();
        Document status = parse(r.statusMessage());
        assertThat(first(status, NS, "StatusCode").getTextContent()).isEqualTo("02");
        assertThat(first(status, NS, "Description").getTextContent()).startsWith(reason.code() + ":");
    }
}

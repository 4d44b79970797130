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

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The SDK's header (order, type code, signer position, Bussiness, DigitalSignature), recall and update
 * end to end with the receiver's 13/15/16 answers and the archived copy's history, and replays answered as
 * duplicates — on the real signing, validation and archive services.
 */
class EdxmlFollowUpTest {

    static HikariDataSource database;
    static ArchiveService archive;
    static ExchangeService exchange;

    @BeforeAll
    static void agencies() {
        database = ArchiveFixture.newDatabase("exchange_followup");
        archive = ArchiveFixture.service(database, new InMemoryObjectStore());
        exchange = new EdxmlExchangeService(ValidationFixture.signer(), ValidationFixture.service(), archive,
                ExchangeServiceTest.SETTINGS, Clock.systemUTC(), database);
    }

    /** Another instance on the same database, or this one after a restart: nothing shared but PostgreSQL. */
    static ExchangeService anotherInstance() {
        return new EdxmlExchangeService(ValidationFixture.signer(), ValidationFixture.service(), archive,
                ExchangeServiceTest.SETTINGS, Clock.systemUTC(), database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static byte[] newLetter() {
        return ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_T);
    }

    static OutgoingRequest numbered(String number, byte[] letter) {
        OutgoingRequest r = letterTo(SO_NOI_VU, letter);
        return new OutgoingRequest(r.from(), r.to(), number, r.codeNotation(), r.place(), r.promulgationDate(),
                r.documentType(), r.subject(), null, null, "Chủ tịch", r.dueDate(), r.priority(), r.toPlaces(),
                r.attachments(), null);
    }

    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add(c.getLocalName());
            }
        }
        return names;
    }

    static List<String> history(String recordId) {
        return archive.record(recordId).history().stream().map(RecordDetails.HistoryEvent::kind).toList();
    }

    @Test
    void headerIsCompleteInTheSdkOrderWithTheSignatureInDigitalSignature() {
        byte[] m = exchange.build(numbered("201", newLetter())).edxml();
        Document d = parse(m);
        assertThat(childNames(first(d, NS, "MessageHeader"))).containsExactly("From", "To", "Code",
                "PromulgationInfo", "DocumentType", "Subject", "Content", "SignerInfo", "DueDate", "ToPlaces",
                "OtherInfo", "SteeringType", "DocumentId");
        assertThat(childNames(first(d, NS, "DocumentType"))).containsExactly("Type", "TypeName");
        assertThat(first(d, NS, "Type").getTextContent()).isEqualTo("18");
        assertThat(childNames(first(d, NS, "SignerInfo"))).containsExactly("Position", "FullName");
        assertThat(first(d, NS, "Position").getTextContent()).isEqualTo("Chủ tịch");
        assertThat(childNames(first(d, NS, "edXMLHeader"))).containsExactly("MessageHeader", "TraceHeaderList",
                "DigitalSignature");
        assertThat(childNames(first(d, NS, "TraceHeaderList"))).containsExactly("TraceHeader", "Bussiness");
        Element business = first(d, NS, "Bussiness");
        assertThat(childNames(business)).containsExactly("BussinessDocType", "BussinessDocReason", "DocumentId",
                "Paper");
        assertThat(first(business, NS, "BussinessDocType").getTextContent()).isEqualTo("0");
        assertThat(first(business, NS, "DocumentId").getTextContent())
                .isEqualTo("000.00.00.H99,2026/11/20,201/UBND-VP");
        assertThat(childNames(first(d, NS, "DigitalSignature"))).containsExactly("Signature");
        assertThat(first(d, NS, "DigitalSignature").getFirstChild().getNamespaceURI()).isEqualTo(DS);
        var report = ValidationFixture.validate(new SignedFile("m.xml", m)).report();
        assertThat(report.verdict()).as(report.summary().en()).isEqualTo(Verdict.VALID);
    }

    @Test
    void documentTypeCodesComeFromTheConfiguredTable() {
        ExchangeSettings s = ExchangeServiceTest.SETTINGS;
        ExchangeSettings custom = new ExchangeSettings(s.organs(), s.level(), s.maxMessageSize(), s.fondCode(),
                s.preservationYears(), Map.of("Công văn", 7));
        assertThat(s.documentTypeCode("công văn")).isEqualTo(18);
        assertThat(s.documentTypeCode("Tờ trình")).isEqualTo(16);
        ExchangeService other = new EdxmlExchangeService(ValidationFixture.signer(), ValidationFixture.service(),
                null, custom, Clock.systemUTC());
        byte[] m = other.build(numbered("202", newLetter())).edxml();
        assertThat(first(parse(m), NS, "Type").getTextContent()).isEqualTo("7");
        OutgoingRequest r = numbered("203", newLetter());
        OutgoingRequest unknown = new OutgoingRequest(r.from(), r.to(), r.codeNumber(), r.codeNotation(), r.place(),
                r.promulgationDate(), "Loại chưa có mã", r.subject(), null, null, null, null, null, null,
                r.attachments(), null);
        assertThatThrownBy(() -> exchange.build(unknown)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.error()).isEqualTo(ExchangeError.INVALID_REQUEST));
    }

    @Test
    void recallIsAnsweredThirteenThenFifteenAndTheArchivedCopyKeepsItsHistory() {
        OutgoingMessage sent = exchange.build(numbered("204", newLetter()));
        IncomingResult received = exchange.receive(sent.edxml(), SO_NOI_VU.organId());
        assertThat(received.status()).as(received.reasonText()).isEqualTo(StatusCode.RECEIVED);
        String letterRecord = received.attachments().get(0).recordId();
        byte[] archivedLetter = archive.content(letterRecord).content();

        OutgoingMessage recall = exchange.followUp(new FollowUpRequest(UBND, sent.edxml(), BusinessType.RECALL,
                "Văn bản ban hành sai thẩm quyền", List.of(), null));
        Document rd = parse(recall.edxml());
        assertThat(first(rd, NS, "BussinessDocType").getTextContent()).isEqualTo("1");
        assertThat(first(rd, NS, "BussinessDocReason").getTextContent()).isEqualTo("Văn bản ban hành sai thẩm quyền");
        assertThat(first(first(rd, NS, "Bussiness"), NS, "DocumentId").getTextContent()).isEqualTo(sent.documentId());
        assertThat(recall.documentId()).isEqualTo(sent.documentId());

        IncomingResult asked = exchange.receive(recall.edxml(), SO_NOI_VU.organId());
        assertThat(asked.status()).as(asked.reasonText()).isEqualTo(StatusCode.RECALL_REQUESTED);
        assertThat(asked.header().business()).isEqualTo(BusinessType.RECALL);
        Document answer = parse(asked.statusMessage());
        assertThat(first(answer, NS, "StatusCode").getTextContent()).isEqualTo("13");
        assertThat(first(answer, NS, "Description").getTextContent()).contains("thu hồi")
                .contains("Văn bản ban hành sai thẩm quyền");
        assertThat(history(letterRecord)).contains("EDXML_RECALL_REQUESTED");
        assertThat(history(received.packageRecord())).contains("EDXML_RECALL_REQUESTED");
        assertThat(asked.packageRecord()).isNotNull().isNotEqualTo(received.packageRecord());

        byte[] agreed = exchange.status(new StatusRequest(SO_NOI_VU, UBND, sent.documentId(), "204/UBND-VP",
                StatusCode.RECALL_ACCEPTED, null, "Lê Minh Khoa", "Văn thư"));
        Document agreedDoc = parse(agreed);
        assertThat(first(agreedDoc, NS, "StatusCode").getTextContent()).isEqualTo("15");
        assertThat(first(agreedDoc, NS, "Description").getTextContent()).isEqualTo("Đồng ý thu hồi/cập nhật văn bản");
        assertThat(ValidationFixture.validate(new SignedFile("status.xml", agreed)).report().verdict())
                .isEqualTo(Verdict.VALID);
        RecordDetails kept = archive.record(letterRecord);
        assertThat(kept.state()).isEqualTo(vn.kyso.archive.RecordState.ACTIVE);
        assertThat(kept.history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("EDXML_FOLLOW_UP_ACCEPTED");
            assertThat(e.detail()).contains("15").contains("giữ nguyên");
        });
        assertThat(archive.content(letterRecord).content()).isEqualTo(archivedLetter);

        IncomingResult again = exchange.receive(recall.edxml(), SO_NOI_VU.organId());
        assertThat(again.reason()).isEqualTo(ExchangeError.DUPLICATE_MESSAGE);
    }

    @Test
    void updateCarriesTheCorrectedLetterAndTheClerkMayRefuseIt() {
        OutgoingMessage sent = exchange.build(numbered("205", newLetter()));
        IncomingResult received = exchange.receive(sent.edxml(), SO_NOI_VU.organId());
        assertThat(received.status()).as(received.reasonText()).isEqualTo(StatusCode.RECEIVED);
        byte[] corrected = newLetter();
        OutgoingMessage update = exchange.followUp(new FollowUpRequest(UBND, sent.edxml(), BusinessType.UPDATE,
                "Sửa lỗi chính tả ở trang 1", List.of(new Attachment("205-UBND-VP-sua.pdf", "application/pdf",
                        corrected)), null));
        assertThat(first(parse(update.edxml()), NS, "BussinessDocType").getTextContent()).isEqualTo("2");

        IncomingResult asked = exchange.receive(update.edxml(), SO_NOI_VU.organId());
        assertThat(asked.status()).as(asked.reasonText()).isEqualTo(StatusCode.RECALL_REQUESTED);
        assertThat(asked.attachments()).singleElement().satisfies(a ->
                assertThat(archive.content(a.recordId()).content()).isEqualTo(corrected));
        assertThat(history(received.attachments().get(0).recordId())).contains("EDXML_UPDATE_REQUESTED");

        byte[] refused = exchange.status(new StatusRequest(SO_NOI_VU, UBND, sent.documentId(), "205/UBND-VP",
                StatusCode.RECALL_REFUSED, "Văn bản đã được xử lý xong", null, null));
        assertThat(first(parse(refused), NS, "StatusCode").getTextContent()).isEqualTo("16");
        assertThat(history(received.attachments().get(0).recordId())).contains("EDXML_FOLLOW_UP_REFUSED");
        // The same corrected letter again is a replay; another correction would be a new update.
        assertThat(exchange.receive(update.edxml(), SO_NOI_VU.organId()).reason())
                .isEqualTo(ExchangeError.DUPLICATE_MESSAGE);
    }

    @Test
    void aReplacementNamesTheReplacedLetterAndItsReceiversInReplacementInfoList() {
        OutgoingMessage sent = exchange.build(numbered("209", newLetter()));
        IncomingResult received = exchange.receive(sent.edxml(), SO_NOI_VU.organId());
        assertThat(received.status()).as(received.reasonText()).isEqualTo(StatusCode.RECEIVED);
        byte[] replacing = newLetter();
        OutgoingMessage replace = exchange.followUp(new FollowUpRequest(UBND, sent.edxml(), BusinessType.REPLACE,
                "Thay thế văn bản đã gửi do sai thẩm quyền ký", List.of(new Attachment("209-UBND-VP-thay.pdf",
                        "application/pdf", replacing)), null));
        Document d = parse(replace.edxml());
        Element business = first(d, NS, "Bussiness");
        assertThat(childNames(business)).containsExactly("BussinessDocType", "BussinessDocReason", "DocumentId",
                "Paper", "ReplacementInfoList");
        assertThat(first(business, NS, "BussinessDocType").getTextContent()).isEqualTo("3");
        Element info = first(business, NS, "ReplacementInfo");
        assertThat(childNames(info)).containsExactly("DocumentId", "OrganIdList");
        assertThat(first(info, NS, "DocumentId").getTextContent()).isEqualTo(sent.documentId());
        assertThat(first(info, NS, "OrganId").getTextContent()).isEqualTo(SO_NOI_VU.organId());

        IncomingResult asked = exchange.receive(replace.edxml(), SO_NOI_VU.organId());
        assertThat(asked.status()).as(asked.reasonText()).isEqualTo(StatusCode.RECALL_REQUESTED);
        assertThat(asked.attachments()).singleElement().satisfies(a ->
                assertThat(archive.content(a.recordId()).content()).isEqualTo(replacing));
        assertThat(history(received.attachments().get(0).recordId())).contains("EDXML_REPLACE_REQUESTED");
        // A new letter carries no ReplacementInfoList.
        assertThat(childNames(first(parse(sent.edxml()), NS, "Bussiness"))).doesNotContain("ReplacementInfoList");
    }

    @Test
    void aReplayIsAnsweredAsDuplicateAndNotArchivedAgainEvenAfterARestart() {
        OutgoingMessage sent = exchange.build(numbered("206", newLetter()));
        assertThat(exchange.receive(sent.edxml(), SO_NOI_VU.organId()).status()).isEqualTo(StatusCode.RECEIVED);
        long records = archive.search(vn.kyso.archive.RecordQuery.text("206/UBND-VP")).total();

        IncomingResult replay = exchange.receive(sent.edxml(), SO_NOI_VU.organId());
        ExchangeServiceTest.assertRejected(replay, ExchangeError.DUPLICATE_MESSAGE);
        assertThat(first(parse(replay.statusMessage()), NS, "Description").getTextContent())
                .contains("Văn bản đã được tiếp nhận trước đó");
        // The same letter re-signed into a new message by the sender: same sender and DocumentId.
        OutgoingMessage resent = exchange.build(numbered("206", newLetter()));
        ExchangeServiceTest.assertRejected(exchange.receive(resent.edxml(), SO_NOI_VU.organId()),
                ExchangeError.DUPLICATE_MESSAGE);

        ExchangeService restarted = new EdxmlExchangeService(ValidationFixture.signer(), ValidationFixture.service(),
                archive, ExchangeServiceTest.SETTINGS, Clock.systemUTC());
        ExchangeServiceTest.assertRejected(restarted.receive(sent.edxml(), SO_NOI_VU.organId()),
                ExchangeError.DUPLICATE_MESSAGE);
        assertThat(archive.search(vn.kyso.archive.RecordQuery.text("206/UBND-VP")).total()).isEqualTo(records);
    }

    @Test
    void theLedgerIsSharedByInstancesAndKeptOverARestart() {
        OutgoingMessage sent = exchange.build(numbered("208", newLetter()));
        IncomingResult received = exchange.receive(sent.edxml(), SO_NOI_VU.organId());
        assertThat(received.status()).as(received.reasonText()).isEqualTo(StatusCode.RECEIVED);
        String letterRecord = received.attachments().get(0).recordId();

        // The same letter re-signed into a new message (new bytes, so the archive alone would take it)
        // reaches a second instance: the shared ledger knows the sender's DocumentId.
        OutgoingMessage resent = exchange.build(numbered("208", newLetter()));
        ExchangeServiceTest.assertRejected(anotherInstance().receive(resent.edxml(), SO_NOI_VU.organId()),
                ExchangeError.DUPLICATE_MESSAGE);

        // After a restart (new objects, same database) a recall finds the letter received before it.
        ExchangeService restarted = anotherInstance();
        OutgoingMessage recall = exchange.followUp(new FollowUpRequest(UBND, sent.edxml(), BusinessType.RECALL,
                "Gửi nhầm nơi nhận", List.of(), null));
        IncomingResult asked = restarted.receive(recall.edxml(), SO_NOI_VU.organId());
        assertThat(asked.status()).as(asked.reasonText()).isEqualTo(StatusCode.RECALL_REQUESTED);
        assertThat(history(letterRecord)).contains("EDXML_RECALL_REQUESTED");
        // And the recall itself is a duplicate on yet another instance.
        ExchangeServiceTest.assertRejected(anotherInstance().receive(recall.edxml(), SO_NOI_VU.organId()),
                ExchangeError.DUPLICATE_MESSAGE);
    }

    @Test
    void recallOfALetterNeverReceivedIsRefused() {
        OutgoingMessage sent = exchange.build(numbered("207", newLetter()));
        OutgoingMessage recall = exchange.followUp(new FollowUpRequest(UBND, sent.edxml(), BusinessType.RECALL,
                "Gửi nhầm", List.of(), null));
        IncomingResult r = exchange.receive(recall.edxml(), SO_NOI_VU.organId());
        ExchangeServiceTest.assertRejected(r, ExchangeError.ORIGINAL_NOT_FOUND);
        assertThatThrownBy(() -> exchange.followUp(new FollowUpRequest(UBND, recall.edxml(), BusinessType.RECALL,
                "Lần nữa", List.of(), null))).isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.error()).isEqualTo(ExchangeError.INVALID_REQUEST));
        // An agency may only follow up its own letters: the Department cannot recall the Committee's.
        assertThatThrownBy(() -> exchange.followUp(new FollowUpRequest(SO_NOI_VU, sent.edxml(), BusinessType.RECALL,
                "Không phải của mình", List.of(), null))).isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.error()).isEqualTo(ExchangeError.INVALID_REQUEST));
    }
}

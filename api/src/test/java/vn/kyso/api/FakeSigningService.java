package vn.kyso.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningService;

/**
 * A hand-written SigningService for controller slices: it records each request and returns canned
 * documents whose content is "signed:" plus the input, or throws what a test told it to. Register it
 * with {@code @Import(FakeSigningService.class)} and call {@link #reset()} before each test, since
 * slices share one context.
 */
public class FakeSigningService implements SigningService {

    public static final Instant SIGNING_TIME = Instant.parse("2025-03-04T05:06:07Z");
    public static final String PDF = "application/pdf";
    public static final String ASICE = "application/vnd.etsi.asic-e+zip";
    /** Batch documents whose name contains this fail, the others are signed. */
    public static final String FAILING_NAME = "broken";

    public SignRequest lastSign;
    public List<SignRequest> lastBatch;
    public ContainerRequest lastContainer;
    public PrepareRequest lastPrepare;
    public CompleteRequest lastComplete;
    private RuntimeException failure;
    private List<KeyInfo> extraKeys = List.of();

    public void reset() {
        extraKeys = List.of();
        lastSign = null;
        lastBatch = null;
        lastContainer = null;
        lastPrepare = null;
        lastComplete = null;
        failure = null;
    }

    /** Keys listed after the usual one until the next {@link #reset()}. */
    public void alsoList(KeyInfo... keys) {
        extraKeys = List.of(keys);
    }

    /** Every following call throws {@code e}. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    @Override
    public List<KeyInfo> keys() {
        failIfAsked();
        List<KeyInfo> keys = new ArrayList<>(List.of(new KeyInfo("so-noi-vu", KeyFamily.SPECIALISED,
                KeyInfo.KeyHolder.ORGANISATION, "CN=Sở Nội vụ, O=UBND tỉnh, C=VN",
                "CN=CA phục vụ các cơ quan Nhà nước, C=VN", "0a1b2c", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2029-01-01T00:00:00Z"), "RSA-2048", true)));
        keys.addAll(extraKeys);
        return keys;
    }

    @Override
    public SignedDocument sign(SignRequest request) {
        failIfAsked();
        lastSign = request;
        return signed(request);
    }

    @Override
    public List<BatchItemResult> signBatch(List<SignRequest> requests) {
        failIfAsked();
        lastBatch = requests;
        List<BatchItemResult> results = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String name = requests.get(i).document().name();
            results.add(name.contains(FAILING_NAME)
                    ? new BatchItemResult(i, name, null,
                            new BatchItemResult.Failure("MALFORMED_DOCUMENT", "The PDF cannot be parsed"))
                    : new BatchItemResult(i, name, signed(requests.get(i)), null));
        }
        return results;
    }

    @Override
    public SignedDocument augment(vn.kyso.signing.AugmentRequest request) {
        failIfAsked();
        return new SignedDocument(request.document().name(), "application/pdf", request.document().content(),
                vn.kyso.signing.SignatureFormat.PADES, request.targetLevel(), null, SIGNING_TIME);
    }

    @Override
    public SignedDocument signContainer(ContainerRequest request) {
        failIfAsked();
        lastContainer = request;
        return new SignedDocument("container.asice", ASICE, "PK-container".getBytes(StandardCharsets.US_ASCII),
                request.format(), request.level(), request.keyId(), SIGNING_TIME);
    }

    @Override
    public vn.kyso.signing.QrStamped stampQrCode(vn.kyso.signing.QrStampRequest request) {
        failIfAsked();
        return new vn.kyso.signing.QrStamped(request.document(), "VB-TEST", "00".repeat(32),
                request.verifyUrl() + "?id=VB-TEST&h=" + "00".repeat(32));
    }

    /** The web tests need no PDF work: no placeholder is found, as in a letter whose number is printed. */
    @Override
    public vn.kyso.signing.Document prepareFillIn(vn.kyso.signing.Document draft) {
        return draft;
    }

    /** The web tests need no PDF work: nothing is found to fill, as in a letter whose number is printed. */
    @Override
    public vn.kyso.signing.FilledIn fillIn(vn.kyso.signing.FillInRequest request) {
        return new vn.kyso.signing.FilledIn(request.document(), java.util.List.of());
    }

    @Override
    public PreparedSignature prepare(PrepareRequest request) {
        failIfAsked();
        lastPrepare = request;
        return new PreparedSignature("prep-1", new byte[] {1, 2, 3}, "SHA256withRSA", SIGNING_TIME,
                SIGNING_TIME.plusSeconds(300));
    }

    @Override
    public SignedDocument complete(CompleteRequest request) {
        failIfAsked();
        lastComplete = request;
        return new SignedDocument("hop-dong-signed.pdf", PDF,
                "signed-remotely".getBytes(StandardCharsets.US_ASCII), SignatureFormat.PADES, SignatureLevel.B_T,
                null, SIGNING_TIME);
    }

    private SignedDocument signed(SignRequest request) {
        byte[] in = request.document().content();
        byte[] out = new byte[in.length + 7];
        System.arraycopy("signed:".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 7);
        System.arraycopy(in, 0, out, 7, in.length);
        SignatureFormat format = request.options().format() == null
                ? SignatureFormat.PADES : request.options().format();
        String name = request.document().name().replaceFirst("(\\.[^.]*)?$", "-signed$1");
        return new SignedDocument(name, PDF, out, format, request.options().level(), request.keyId(), SIGNING_TIME);
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}

package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.revocation.RevocationKey;
import vn.kyso.dss.CachedRevocationSource;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.StrictFreshness;
import vn.kyso.core.testing.Eventually;

/**
 * Issue #10 item 2: every B-LT and B-LTA output, in every format and for both key families, carries
 * only revocation data issued after its signature's time-stamp, so a validator whose policy fails on
 * stale revocation data (offline, freshness 0) still answers TOTAL_PASSED; batches too. A negative
 * control shows that policy does fail a signature extended with a cached answer from before its
 * time-stamp, which is what the service did before.
 */
class FreshRevocationTest {

    /** A key of each family: the Government CA's (specialised) and the public CA's. */
    static final String SPECIALISED_KEY = "ubnd-binh-an";
    static final String PUBLIC_KEY = "cong-ty-sao-mai";

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    enum Variant { PADES, XADES_ENVELOPED, CADES_DETACHED, CADES_ENVELOPING, JADES, ASIC_E_XADES, ASIC_E_CADES }

    static Stream<Arguments> everyFormatLevelAndFamily() {
        List<Arguments> all = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (SignatureLevel level : List.of(SignatureLevel.B_LT, SignatureLevel.B_LTA)) {
                for (String key : List.of(SPECIALISED_KEY, PUBLIC_KEY)) {
                    all.add(Arguments.of(v, level, key));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyFormatLevelAndFamily")
    void everyLongTermOutputPassesAPolicyThatFailsOnStaleRevocationData(Variant variant, SignatureLevel level,
            String key) {
        Signed signed = sign(service, variant, level, key);

        assertStrictlyFresh(signed);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = Variant.class,
            names = {"PADES", "XADES_ENVELOPED", "CADES_DETACHED"})
    void theArchivesReTimeStampAddsAnswersIssuedAfterTheArchiveTimeStampItCovers(Variant variant)
            throws Exception {
        Signed lta = sign(service, variant, SignatureLevel.B_LTA, SPECIALISED_KEY);
        // The demo TSA and OCSP responder answer in whole seconds: the renewal's answers must be strictly later.
        Eventually.pastTheSecondOf(Instant.now());

        SignedDocument renewed = service.augment(new AugmentRequest(new Document("lta", lta.content()),
                SignatureLevel.B_LTA, List.of(lta.detached())));

        Signed signed = new Signed(renewed.content(), lta.detached());
        assertStrictlyFresh(signed);
        assertThat(StrictFreshness.validate(pki, signed.content(), signed.detached())).singleElement()
                .satisfies(v -> {
                    assertThat(v.archiveTimeStamps()).as("archive time-stamps").hasSize(2);
                    Instant first = v.archiveTimeStamps().get(0);
                    // the evidence for the first archive time-stamp's TSA chain postdates that time-stamp
                    assertThat(v.revocationIssued()).as("answers issued after %s", first)
                            .anySatisfy(t -> assertThat(t).isAfter(first));
                });
    }

    @Test
    void aBatchSignedInQuickSuccessionIsFreshThroughout() {
        List<SignRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(new SignRequest(SigningServiceTest.LETTER, SPECIALISED_KEY,
                    SignOptions.defaults(SignatureLevel.B_LT)));
            requests.add(new SignRequest(SigningServiceTest.XML, PUBLIC_KEY,
                    new SignOptions(SignatureFormat.XADES, SignatureLevel.B_LTA, null, null, null, null, null, null,
                            null)));
        }
        List<BatchItemResult> results = service.signBatch(requests);

        assertThat(results).allSatisfy(r -> assertThat(r.succeeded()).as(String.valueOf(r.failure())).isTrue());
        for (BatchItemResult r : results) {
            assertStrictlyFresh(new Signed(r.signed().content(), new Document[0]));
        }
    }

    @Test
    void concurrentSignaturesOfOneSignerAreEachFresh() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Signed>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // JAdES among them: DSS's JAdES schema check shares one json-sKema validator, which is not
                // thread-safe (erosb/json-sKema#209); JsonSchemaThreads gives each thread its own.
                Variant v = switch (i % 3) {
                    case 0 -> Variant.CADES_DETACHED;
                    case 1 -> Variant.JADES;
                    default -> Variant.PADES;
                };
                futures.add(pool.submit(() -> sign(service, v, SignatureLevel.B_LT, PUBLIC_KEY)));
            }
            for (Future<Signed> f : futures) {
                assertStrictlyFresh(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStrictPolicyFailsASignatureExtendedWithAnAnswerOlderThanItsTimeStamp() throws Exception {
        RevocationCache cache = new RevocationCache(RevocationCache.Settings.defaults(Duration.ofHours(1)),
                Clock.systemUTC());
        try (DssSigningService own = new DssSigningService(SigningFixture.settings(), Clock.systemUTC(), cache)) {
            // Warms the cache with answers for the signer's chain and the TSA's, issued now.
            sign(own, Variant.CADES_DETACHED, SignatureLevel.B_LT, PUBLIC_KEY);
            // Time-stamps strictly later: those answers are now older than the next time-stamp.
            Eventually.pastTheSecondOf(Instant.now());
            Signed bt = sign(own, Variant.CADES_DETACHED, SignatureLevel.B_T, PUBLIC_KEY);

            // What the service did before issue #10: extend with whatever valid answer the cache holds,
            // with DSS's freshness alert silenced.
            byte[] staleLt = extend(cache, bt, false);
            List<StrictFreshness.Verdict> strict = StrictFreshness.validate(pki, staleLt, bt.detached());
            assertThat(strict).singleElement().satisfies(v -> {
                assertThat(v.stale()).as("answers older than the time-stamp").isNotEmpty();
                assertThat(v.indication()).isEqualTo(Indication.INDETERMINATE);
                assertThat(v.subIndication()).isEqualTo(SubIndication.TRY_LATER);
            });
            // The same file is fine for DSS's default policy with online sources: only freshness is at fault.
            assertThat(DssVerdicts.validate(pki, staleLt, bt.detached()))
                    .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);

            // With the service's alerts, the same stale answers are refused, not embedded.
            assertThatThrownBy(() -> extend(cache, bt, true)).isInstanceOfSatisfying(RuntimeException.class,
                    e -> assertThat(DssErrors.translate(e, "CAdES").error())
                            .isEqualTo(SigningError.REVOCATION_NOT_FRESH));

            // The service itself, with the same warm cache, fetches fresh answers instead.
            SignedDocument freshLt = own.augment(new AugmentRequest(new Document("x.p7s", bt.content()),
                    SignatureLevel.B_LT, List.of(bt.detached())));
            assertStrictlyFresh(new Signed(freshLt.content(), bt.detached()));
        }
    }

    /** Extends with whatever valid answer the cache holds, with the service's alerts or silenced ones. */
    private byte[] extend(RevocationCache cache, Signed bt, boolean serviceAlerts) throws IOException {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new CachedRevocationSource<>(new OnlineOCSPSource(), RevocationKey.Kind.OCSP, cache,
                FreshnessFloor::current));
        verifier.setCrlSource(new CachedRevocationSource<>(new OnlineCRLSource(), RevocationKey.Kind.CRL, cache,
                FreshnessFloor::current));
        if (serviceAlerts) {
            DssToolkit.strictAlerts(verifier);
        } else {
            verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
            verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
        }
        CAdESService cades = new CAdESService(verifier);
        cades.setTspSource(new OnlineTSPSource(SigningFixture.settings().tsaUrl()));
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_LT);
        p.setDetachedContents(List.of(new InMemoryDocument(bt.detached()[0].content(), bt.detached()[0].name())));
        DSSDocument extended = cades.extendDocument(new InMemoryDocument(bt.content()), p);
        try (var in = extended.openStream()) {
            return in.readAllBytes();
        }
    }

    static void assertStrictlyFresh(Signed signed) {
        List<StrictFreshness.Verdict> verdicts = StrictFreshness.validate(SigningFixture.pki(), signed.content(),
                signed.detached());
        assertThat(verdicts).isNotEmpty();
        for (StrictFreshness.Verdict v : verdicts) {
            assertThat(v.signatureTimeStamp()).as("signature time-stamp").isNotNull();
            assertThat(v.revocationIssued()).as("embedded revocation data").isNotEmpty();
            assertThat(v.stale()).as("answers issued before the time-stamp %s", v.signatureTimeStamp()).isEmpty();
            assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    /** A signed output with the originals a detached signature needs for validation. */
    record Signed(byte[] content, Document[] detached) {
    }

    static Signed sign(DssSigningService service, Variant variant, SignatureLevel level, String key) {
        Document letter = SigningServiceTest.LETTER;
        Document xml = SigningServiceTest.XML;
        Document json = SigningServiceTest.JSON;
        Document binary = SigningServiceTest.BINARY;
        return switch (variant) {
            case PADES -> new Signed(service.sign(new SignRequest(letter, key, options(SignatureFormat.PADES, level,
                    null))).content(), new Document[0]);
            case XADES_ENVELOPED -> new Signed(service.sign(new SignRequest(xml, key, options(SignatureFormat.XADES,
                    level, Packaging.ENVELOPED))).content(), new Document[0]);
            case CADES_DETACHED -> new Signed(service.sign(new SignRequest(binary, key,
                    options(SignatureFormat.CADES, level, Packaging.DETACHED))).content(), new Document[] {binary});
            case CADES_ENVELOPING -> new Signed(service.sign(new SignRequest(binary, key,
                    options(SignatureFormat.CADES, level, Packaging.ENVELOPING))).content(), new Document[0]);
            case JADES -> new Signed(service.sign(new SignRequest(json, key, options(SignatureFormat.JADES, level,
                    Packaging.ENVELOPING))).content(), new Document[0]);
            case ASIC_E_XADES -> new Signed(service.signContainer(new ContainerRequest(List.of(letter, binary), key,
                    SignatureFormat.XADES, level, null)).content(), new Document[0]);
            case ASIC_E_CADES -> new Signed(service.signContainer(new ContainerRequest(List.of(letter, binary), key,
                    SignatureFormat.CADES, level, null)).content(), new Document[0]);
        };
    }

    private static SignOptions options(SignatureFormat format, SignatureLevel level, Packaging packaging) {
        return new SignOptions(format, level, packaging, null, null, null, null, null, null);
    }
}

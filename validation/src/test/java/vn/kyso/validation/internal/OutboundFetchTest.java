package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.net.FetchSettings;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationSettings;

/**
 * Issue #10 item 9: a document cannot make the server fetch from hosts it names. A stranger CA, trusted
 * for the test so that DSS really goes for revocation data, issues a signer whose OCSP, CRL and
 * CA-issuer URLs, and whose signature policy URL, point at a listener on another loopback port; the
 * listener records every hit.
 */
class OutboundFetchTest {

    private static Listener listener;
    private static Listener elsewhere;
    private static Path strangerRoot;
    private static byte[] pointingAtListener;
    private static byte[] pointingAtLocalhost;

    @BeforeAll
    static void setUp() throws Exception {
        listener = Listener.start();
        elsewhere = Listener.start();
        // The allowed listener answers every request with a redirect to the other one.
        listener.redirectTo(elsewhere.base() + "/stolen");
        Stranger ca = Stranger.issue(listener.base());
        strangerRoot = Files.createTempFile("stranger-root", ".pem");
        Files.writeString(strangerRoot, pem(ca.root()));
        pointingAtListener = DirectSigner.of(List.of(ca.leaf()), ca.leafKey().getPrivate())
                .padesWithPolicy(ValidationFixture.oneLetter(), listener.base() + "/policy.der");
        Stranger viaName = ca.signerAt("http://localhost:" + listener.port());
        pointingAtLocalhost = DirectSigner.of(List.of(viaName.leaf()), viaName.leafKey().getPrivate())
                .pades(ValidationFixture.oneLetter(), Instant.now());
    }

    @AfterAll
    static void tearDown() throws IOException {
        listener.stop();
        elsewhere.stop();
        Files.deleteIfExists(strangerRoot);
    }

    @Test
    void aDocumentNamingUnlistedHostsIsValidatedWithoutOneFetch() {
        listener.hits.clear();
        try (DssValidationService service = service(FetchSettings.defaults())) {
            ValidationReport report = validate(service, pointingAtListener);
            assertThat(report.signatures()).hasSize(1);
        }
        assertThat(listener.hits).isEmpty();
        assertThat(elsewhere.hits).isEmpty();
    }

    @Test
    void theSameDocumentDoesFetchWhenItsHostIsAllowListedSoTheTestAboveMeansSomething() {
        listener.hits.clear();
        elsewhere.hits.clear();
        try (DssValidationService service = service(FetchSettings.defaults()
                .withAllowed(List.of(URI.create(listener.base()))))) {
            validate(service, pointingAtListener);
        }
        assertThat(listener.hits).isNotEmpty();
        // the listener redirected every one of them; none was followed
        assertThat(elsewhere.hits).isEmpty();
    }

    @Test
    void anAllowListedHostNameResolvingToLoopbackIsRefusedAfterResolution() {
        listener.hits.clear();
        try (DssValidationService service = service(FetchSettings.defaults()
                .withAllowed(List.of(URI.create("http://localhost:" + listener.port()))))) {
            validate(service, pointingAtLocalhost);
        }
        assertThat(listener.hits).isEmpty();
    }

    @Test
    void fetchesPerValidationAreBounded() {
        listener.hits.clear();
        FetchSettings one = new FetchSettings(List.of(URI.create(listener.base())), 1, 0, null, null);
        try (DssValidationService service = service(one)) {
            validate(service, pointingAtListener);
        }
        assertThat(listener.hits).hasSize(1);
    }

    @Test
    void aDetachedXmlSignatureReferencingAUrlDoesNotMakeTheServerFetchIt() throws Exception {
        listener.hits.clear();
        listener.redirectTo(null);
        String url = listener.base() + "/original.pdf";
        byte[] xades = DirectSigner.token(ValidationFixture.pki(), "ubnd-binh-an")
                .xadesDetached(ValidationFixture.oneLetter(), url);
        assertThat(new String(xades, java.nio.charset.StandardCharsets.UTF_8)).contains(url);
        try {
            ValidationFixture.validate(new SignedFile("chu-ky.xml", xades));
        } catch (vn.kyso.validation.ValidationException expected) {
            // without the original the service asks for it (ORIGINAL_REQUIRED); it never fetches it
            assertThat(expected.error()).isEqualTo(vn.kyso.validation.ValidationError.ORIGINAL_REQUIRED);
        } finally {
            listener.redirectTo(elsewhere.base() + "/stolen");
        }
        assertThat(listener.hits).isEmpty();
    }

    @Test
    void theDemoRespondersStillAnswer() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        ValidationReport report = ValidationFixture.validate(signed).report();
        assertThat(report.signatures().get(0).revocation().status()).isEqualTo("GOOD");
        assertThat(report.signatures().get(0).revocation().source()).isNotNull();
    }

    private static ValidationReport validate(DssValidationService service, byte[] pdf) {
        return service.validate(ValidationRequest.of(new SignedFile("letter.pdf", pdf))).report();
    }

    private static DssValidationService service(FetchSettings fetch) {
        ValidationSettings demo = ValidationFixture.settings();
        List<ValidationSettings.TrustStore> stores = new ArrayList<>(demo.trustStores());
        stores.add(new ValidationSettings.TrustStore("stranger", KeyFamily.PUBLIC, strangerRoot));
        return new DssValidationService(new ValidationSettings(stores, false, Duration.ofSeconds(2), null, 0, null,
                1, fetch), Clock.systemUTC());
    }

    private static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** A CA outside the demo PKI, its signer, and the URLs both name. */
    record Stranger(X509Certificate root, KeyPair rootKey, X509Certificate leaf, KeyPair leafKey) {

        static Stranger issue(String base) throws Exception {
            KeyPair rootKey = keyPair();
            X500Name rootName = new X500Name("CN=Stranger Root,O=Nobody,C=VN");
            X509Certificate root = certificate(rootName, rootName, rootKey, rootKey, base, true);
            return new Stranger(root, rootKey, null, null).signerAt(base);
        }

        /** Another signer of the same root whose URLs start with {@code base}. */
        Stranger signerAt(String base) throws Exception {
            KeyPair key = keyPair();
            X509Certificate signer = certificate(new X500Name("CN=Stranger Root,O=Nobody,C=VN"),
                    new X500Name("CN=Stranger Signer,O=Nobody,C=VN"), rootKey, key, base, false);
            return new Stranger(root, rootKey, signer, key);
        }

        private static KeyPair keyPair() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        }

        private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair issuerKey,
                KeyPair subjectKey, String base, boolean ca) throws Exception {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new java.security.SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                    subjectKey.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (ca) {
                // a root names no URLs of its own (those would be allow-listed as the anchor's): only the
                // signer's certificate, which comes with the document, points at the listener
                return new JcaX509CertificateConverter().getCertificate(b.build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
            }
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(base + "/ocsp")),
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(base + "/ca.cer"))}));
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(base + "/ca.crl"))), null,
                        null)}));
            return new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        }

        private static GeneralName uri(String u) {
            return new GeneralName(GeneralName.uniformResourceIdentifier, u);
        }
    }

    /** An HTTP listener on a loopback port of its own that records the path of every request. */
    static final class Listener {
        final List<String> hits = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;
        private volatile String redirect;

        private Listener(HttpServer server) {
            this.server = server;
        }

        static Listener start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Listener listener = new Listener(server);
            server.createContext("/", exchange -> {
                listener.hits.add(exchange.getRequestURI().toString());
                if (listener.redirect != null) {
                    exchange.getResponseHeaders().add("Location", listener.redirect);
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
                exchange.close();
            });
            server.start();
            return listener;
        }

        void redirectTo(String location) {
            redirect = location;
        }

        int port() {
            return server.getAddress().getPort();
        }

        String base() {
            return "http://127.0.0.1:" + port();
        }

        void stop() {
            server.stop(0);
        }
    }
}

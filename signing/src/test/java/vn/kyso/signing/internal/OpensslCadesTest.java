package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Document;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;

/**
 * Issue #10: our CAdES output checked by OpenSSL, by NSS's cmsutil and by PKI.js, which share no code with
 * DSS, BouncyCastle or each other.
 * {@code openssl cms -verify} checks the signature (detached and enveloping, every level, both key
 * families) against the demo roots alone; {@code openssl ts -verify} checks the signature time-stamp
 * token from the unsigned attributes against the signature value it covers, and each archive
 * time-stamp token's own signature and chain. BouncyCastle only cuts the tokens out of the CMS. A
 * missing openssl fails the test (ProcessBuilder cannot start it); scripts/deps.sh installs it.
 */
class OpensslCadesTest {

    /** id-aa-ets-archiveTimestampV3 (ETSI EN 319 122-1), what DSS adds at CAdES B-LTA. */
    static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    static Stream<Arguments> packagingsLevelsAndKeys() {
        List<Arguments> all = new ArrayList<>();
        for (Packaging p : List.of(Packaging.DETACHED, Packaging.ENVELOPING)) {
            for (SignatureLevel level : SignatureLevel.values()) {
                for (String key : List.of("ubnd-binh-an", "pham-thu-ha")) {
                    all.add(Arguments.of(p, level, key));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("packagingsLevelsAndKeys")
    void opensslVerifiesTheSignatureAndItsTimeStamps(Packaging packaging, SignatureLevel level, String key,
            @TempDir Path dir) throws Exception {
        Document content = SigningServiceTest.BINARY;
        byte[] cms = service.sign(new SignRequest(content, key, new SignOptions(SignatureFormat.CADES, level,
                packaging, null, null, null, null, null, null))).content();
        Path roots = roots(dir);
        Path signature = dir.resolve(packaging == Packaging.DETACHED ? "signature.p7s" : "signature.p7m");
        Files.write(signature, cms);
        Path data = dir.resolve("content.bin");
        Files.write(data, content.content());

        List<String> verify = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", signature.toString(), "-CAfile", roots.toString(), "-purpose", "any",
                "-out", dir.resolve("out.bin").toString()));
        if (packaging == Packaging.DETACHED) {
            verify.addAll(List.of("-content", data.toString()));
        }
        IndependentValidatorsTest.Result cmsResult = IndependentValidatorsTest.run(dir, verify.toArray(String[]::new));
        assertThat(cmsResult.exit()).as(cmsResult.output()).isZero();
        assertThat(cmsResult.output()).contains("Verification successful");
        if (packaging == Packaging.ENVELOPING) {
            assertThat(Files.readAllBytes(dir.resolve("out.bin"))).isEqualTo(content.content());
        }

        // A second stack that shares no code with OpenSSL either: NSS's cmsutil, trusting the demo roots
        // alone, for e-mail signing use (the one that checks the signature and the chain, not a TLS role).
        // NSS cannot decode B-LT and above: EN 319 122-1 puts the OCSP responses in SignedData.crls as
        // OtherRevocationInfoFormat (RFC 5652 10.2.1), which NSS's CMS template does not know
        // (SEC_ERROR_BAD_DER); there OpenSSL and DSS's strict-freshness validation are the checks.
        if (level == SignatureLevel.B_B || level == SignatureLevel.B_T) {
            nssVerifies(dir, signature, packaging == Packaging.DETACHED ? data : null);
        }
        // At every level, PKI.js (npm, on Node's WebCrypto) as a third stack: signature, digest and chain.
        List<String> pkijs = new ArrayList<>(List.of(signature.toString(), roots.toString()));
        if (packaging == Packaging.DETACHED) {
            pkijs.add(data.toString());
        }
        NodeChecker.Result js = NodeChecker.run("cms-verify.js", dir, pkijs.toArray(String[]::new));
        assertThat(js.exit()).as(js.output()).isZero();
        assertThat(js.output()).contains("\"verified\":true").contains("\"chain\":true");
        if (packaging == Packaging.DETACHED) {
            Path other = dir.resolve("other-for-pkijs.bin");
            Files.write(other, "not what was signed".getBytes());
            NodeChecker.Result changed = NodeChecker.run("cms-verify.js", dir, signature.toString(),
                    roots.toString(), other.toString());
            assertThat(changed.exit()).as("PKI.js must refuse other content: " + changed.output()).isNotZero();
        }

        SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
        List<byte[]> signatureTimeStamps = tokens(signer, PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        List<byte[]> archiveTimeStamps = tokens(signer, ARCHIVE_TIMESTAMP_V3);
        assertThat(signatureTimeStamps).hasSize(level == SignatureLevel.B_B ? 0 : 1);
        assertThat(archiveTimeStamps).hasSize(level == SignatureLevel.B_LTA ? 1 : 0);

        for (byte[] token : signatureTimeStamps) {
            // The signature time-stamp's imprint is the hash of the signature value (EN 319 122-1 5.3).
            Path value = dir.resolve("signature-value.bin");
            Files.write(value, signer.getSignature());
            Path tst = dir.resolve("signature-timestamp.tst");
            Files.write(tst, token);
            IndependentValidatorsTest.Result ts = IndependentValidatorsTest.run(dir, "openssl", "ts", "-verify",
                    "-token_in", "-in", tst.toString(), "-data", value.toString(), "-CAfile", roots.toString());
            assertThat(ts.exit()).as(ts.output()).isZero();
            assertThat(ts.output()).contains("Verification: OK");

            Files.write(value, "not the signature value".getBytes());
            IndependentValidatorsTest.Result wrong = IndependentValidatorsTest.run(dir, "openssl", "ts", "-verify",
                    "-token_in", "-in", tst.toString(), "-data", value.toString(), "-CAfile", roots.toString());
            assertThat(wrong.exit()).as("a time-stamp over other data must not verify").isNotZero();
        }
        for (byte[] token : archiveTimeStamps) {
            // The archive time-stamp's imprint is a hash over the whole signature with its validation data
            // (ATSHashIndexV3), which only a CAdES library computes: OpenSSL checks the token's signature
            // and certificate chain for the imprint it carries; DSS checks the imprint in the other tests.
            Path tst = dir.resolve("archive-timestamp.tst");
            Files.write(tst, token);
            String imprint = HexFormat.of().formatHex(new TimeStampToken(new CMSSignedData(token))
                    .getTimeStampInfo().getMessageImprintDigest());
            IndependentValidatorsTest.Result ts = IndependentValidatorsTest.run(dir, "openssl", "ts", "-verify",
                    "-token_in", "-in", tst.toString(), "-digest", imprint, "-CAfile", roots.toString());
            assertThat(ts.exit()).as(ts.output()).isZero();
            assertThat(ts.output()).contains("Verification: OK");
        }
    }

    private Path roots(Path dir) throws Exception {
        Path roots = dir.resolve("roots.pem");
        Files.writeString(roots, Files.readString(pki.trustAnchorsPem(KeyFamily.SPECIALISED)) + "\n"
                + Files.readString(pki.trustAnchorsPem(KeyFamily.PUBLIC)));
        return roots;
    }

    static Stream<Arguments> levelsAndKeys() {
        List<Arguments> all = new ArrayList<>();
        for (SignatureLevel level : SignatureLevel.values()) {
            for (String key : List.of("ubnd-binh-an", "pham-thu-ha")) {
                all.add(Arguments.of(level, key));
            }
        }
        return all.stream();
    }

    /**
     * ASiC-E with CAdES (ETSI EN 319 162-1): the CMS in META-INF signs the ASiCManifest, which binds every
     * file by its digest. OpenSSL and PKI.js verify the CMS over the manifest; the manifest's digests are
     * then compared with the files as the container holds them.
     */
    @ParameterizedTest(name = "ASiC-E CAdES {0} {1}")
    @MethodSource("levelsAndKeys")
    void asicWithCadesIsVerifiedByOpensslAndPkijs(SignatureLevel level, String key, @TempDir Path dir)
            throws Exception {
        List<Document> files = List.of(SigningServiceTest.LETTER, SigningServiceTest.BINARY);
        byte[] container = service.signContainer(new vn.kyso.signing.ContainerRequest(files, key,
                SignatureFormat.CADES, level, null)).content();
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(container))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        String manifestName = entries.keySet().stream().filter(n -> n.matches("META-INF/ASiCManifest.*\\.xml"))
                .findFirst().orElseThrow(() -> new AssertionError("no ASiCManifest in " + entries.keySet()));
        String signatureName = entries.keySet().stream().filter(n -> n.matches("META-INF/signature.*\\.p7s"))
                .findFirst().orElseThrow(() -> new AssertionError("no signature in " + entries.keySet()));
        Path manifest = dir.resolve("manifest.xml");
        Files.write(manifest, entries.get(manifestName));
        Path signature = dir.resolve("signature.p7s");
        Files.write(signature, entries.get(signatureName));
        Path roots = roots(dir);

        IndependentValidatorsTest.Result cmsResult = IndependentValidatorsTest.run(dir, "openssl", "cms", "-verify",
                "-binary", "-inform", "DER", "-in", signature.toString(), "-content", manifest.toString(),
                "-CAfile", roots.toString(), "-purpose", "any", "-out", dir.resolve("out.bin").toString());
        assertThat(cmsResult.exit()).as(cmsResult.output()).isZero();
        NodeChecker.Result js = NodeChecker.run("cms-verify.js", dir, signature.toString(), roots.toString(),
                manifest.toString());
        assertThat(js.exit()).as(js.output()).isZero();

        // Every data file is bound by the signed manifest (URIs percent-encoded), with the digest of its bytes.
        String xml = new String(entries.get(manifestName), java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, String> digests = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<(?:\\w+:)?DataObjectReference[^>]*URI=\"([^\"]+)\"[\\s\\S]*?<(?:\\w+:)?DigestValue[^>]*>([^<]+)<")
                .matcher(xml);
        while (m.find()) {
            String uri = java.net.URLDecoder.decode(m.group(1).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
            digests.put(java.text.Normalizer.normalize(uri, java.text.Normalizer.Form.NFC), m.group(2).strip());
        }
        for (Document file : files) {
            assertThat(entries).containsKey(file.name());
            String name = java.text.Normalizer.normalize(file.name(), java.text.Normalizer.Form.NFC);
            assertThat(digests).as("manifest " + xml).containsKey(name);
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(entries.get(file.name()));
            assertThat(digests.get(name)).isEqualTo(java.util.Base64.getEncoder().encodeToString(digest));
        }
    }

    private void nssVerifies(Path dir, Path signature, Path detachedData) throws Exception {
        Path nss = nssRoots(dir);
        List<String> decode = new ArrayList<>(List.of("cmsutil", "-D", "-i", signature.toString(), "-d",
                "sql:" + nss, "-u", "4", "-h", "1"));
        if (detachedData != null) {
            decode.addAll(List.of("-c", detachedData.toString()));
        }
        IndependentValidatorsTest.Result nssResult = IndependentValidatorsTest.run(dir, decode.toArray(String[]::new));
        assertThat(nssResult.exit()).as(nssResult.output()).isZero();
        assertThat(nssResult.output()).contains("nsigners=1").contains("signer0.status=GoodSignature");
        if (detachedData != null) {
            Path other = dir.resolve("other.bin");
            Files.write(other, "not what was signed".getBytes());
            decode.set(decode.size() - 1, other.toString());
            IndependentValidatorsTest.Result changed = IndependentValidatorsTest.run(dir,
                    decode.toArray(String[]::new));
            assertThat(changed.output()).as("NSS must refuse other content").contains("signer0.status=DigestMismatch");
        }
    }

    /** An NSS database holding only the demo roots, trusted for every use. */
    private Path nssRoots(Path dir) throws Exception {
        Path db = dir.resolve("nssdb");
        Files.createDirectories(db);
        IndependentValidatorsTest.Result init = IndependentValidatorsTest.run(dir, "certutil", "-N",
                "--empty-password", "-d", "sql:" + db);
        assertThat(init.exit()).as(init.output()).isZero();
        int n = 0;
        for (KeyFamily family : KeyFamily.values()) {
            IndependentValidatorsTest.Result add = IndependentValidatorsTest.run(dir, "certutil", "-A", "-d",
                    "sql:" + db, "-n", "demo-root-" + n++, "-t", "CT,C,C", "-a", "-i",
                    pki.trustAnchorsPem(family).toString());
            assertThat(add.exit()).as(add.output()).isZero();
        }
        return db;
    }

    private static List<byte[]> tokens(SignerInformation signer, ASN1ObjectIdentifier type) throws Exception {
        List<byte[]> tokens = new ArrayList<>();
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return tokens;
        }
        var attributes = unsigned.getAll(type);
        for (int i = 0; i < attributes.size(); i++) {
            for (var value : ((Attribute) attributes.get(i)).getAttrValues()) {
                tokens.add(value.toASN1Primitive().getEncoded("DER"));
            }
        }
        return tokens;
    }
}

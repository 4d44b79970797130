package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;

/**
 * Our PAdES output as a relying party sees it with standard tools that share no code with DSS and
 * know nothing but the two demo root certificates:
 * <ul>
 *   <li>poppler's {@code pdfsig} over an NSS database (it checks each signature, builds the chain and
 *       asks the demo OCSP responder);</li>
 *   <li>NSS's {@code vfychain} on each signer's certificate with the certificates its CMS carries,
 *       OCSP required;</li>
 *   <li>OpenSSL: {@code cms -verify} on each signature's CMS over its byte range, {@code ts -verify}
 *       on each document time-stamp.</li>
 * </ul>
 * A missing tool fails the test; scripts/deps.sh installs them (poppler-utils, libnss3-tools,
 * openssl). See docs/pades-long-term.md for what pdfsig 22.12 cannot do and how that is handled.
 */
class IndependentPadesTest {

    private static final DemoPki PKI = SigningFixture.pki();
    private static final DssSigningService SERVICE = SigningFixture.service();

    @TempDir
    static Path work;
    /** The demo roots as the only certificates and the only trust anchors. */
    private static Path rootsOnly;
    /** The same trust anchors, plus the two issuing CAs as known but untrusted certificates. */
    private static Path rootsAndIssuingCas;
    private static Path rootsPem;

    @BeforeAll
    static void databases() throws Exception {
        for (String tool : List.of("pdfsig", "certutil", "vfychain", "openssl")) {
            Result which = run("sh", "-c", "command -v " + tool);
            assertThat(which.exit()).as(tool + " is missing; scripts/deps.sh installs it").isZero();
        }
        rootsOnly = nssDatabase("roots-only");
        rootsAndIssuingCas = nssDatabase("roots-and-issuing-cas");
        StringBuilder pem = new StringBuilder();
        int n = 0;
        for (KeyFamily family : KeyFamily.values()) {
            for (X509Certificate root : PKI.trustAnchors(family)) {
                pem.append(pem(root));
                addCertificate(rootsOnly, "demo-root-" + n, root, "CT,C,C");
                addCertificate(rootsAndIssuingCas, "demo-root-" + n, root, "CT,C,C");
                n++;
            }
            // the issuing CA of the family, as a chain of any of its identities names it
            X509Certificate issuing = PKI.identity(family == KeyFamily.SPECIALISED ? "ubnd-binh-an"
                    : "cong-ty-sao-mai").chain().get(1);
            addCertificate(rootsAndIssuingCas, "demo-issuing-" + family, issuing, ",,");
        }
        rootsPem = work.resolve("roots.pem");
        Files.writeString(rootsPem, pem);
    }

    static List<Arguments> levelsAndFamilies() {
        List<Arguments> out = new ArrayList<>();
        for (SignatureLevel level : SignatureLevel.values()) {
            out.add(Arguments.of(level, "ubnd-binh-an"));      // specialised: the demo Government CA
            out.add(Arguments.of(level, "cong-ty-sao-mai"));   // public: the demo public CA
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("levelsAndFamilies")
    void everyLevelAndFamilyIsValidAndTrustedWithTheRootsAlone(SignatureLevel level, String key) throws Exception {
        byte[] pdf = SERVICE.sign(new SignRequest(new Document("letter.pdf", SampleLetters.pages(2)), key,
                SignOptions.defaults(level))).content();

        List<Signed> parts = checkWithOpenSsl(pdf, level + "-" + key, level == SignatureLevel.B_LTA ? 1 : 0);
        checkWithPdfsig(pdf, level + "-" + key, parts, rootsOnly);
        checkWithVfychain(parts, level + "-" + key);
    }

    /**
     * The Decree 30 letter: the person at B-T, then the organisation at B-LTA, on the last of three
     * pages. pdfsig 22.12 reads it over an NSS database that also knows (without trusting) the issuing
     * CAs: over the roots alone it reports the second signer under a CA as "Unknown issue with
     * Certificate" whatever the file, because it frees the DER of the first signature's temporary
     * certificates while NSS still indexes them (SEC_ERROR_REUSED_ISSUER_AND_SERIAL when the same CA
     * comes again). vfychain checks every signer over the roots alone.
     */
    @Test
    void personThenOrganisationLtaLetterOfThreePagesIsValidAndTrusted() throws Exception {
        byte[] person = SERVICE.sign(new SignRequest(new Document("letter.pdf", SampleLetters.pages(3)),
                "tran-thi-bich-ngoc", SignOptions.defaults(SignatureLevel.B_T)
                        .withAppearance(Appearance.PERSON, null))).content();
        byte[] both = SERVICE.sign(new SignRequest(new Document("letter.pdf", person), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION, null)))
                .content();

        List<Signed> parts = checkWithOpenSsl(both, "letter-3p", 1);
        assertThat(parts.stream().filter(p -> !p.timestamp())).hasSize(2);
        checkWithPdfsig(both, "letter-3p", parts, rootsAndIssuingCas);
        checkWithVfychain(parts, "letter-3p");
    }

    /** Every signature and document time-stamp, verified over its own byte range. */
    private static List<Signed> checkWithOpenSsl(byte[] pdf, String name, int documentTimestamps) throws Exception {
        List<Signed> signed = signedParts(pdf);
        assertThat(signed.stream().filter(Signed::timestamp).count()).isEqualTo(documentTimestamps);
        assertThat(signed.stream().filter(s -> !s.timestamp())).isNotEmpty();
        for (int i = 0; i < signed.size(); i++) {
            Signed s = signed.get(i);
            Path content = work.resolve(name + "-" + i + ".range");
            Path cms = work.resolve(name + "-" + i + ".p7s");
            Files.write(content, s.byteRange());
            Files.write(cms, s.cms());
            Result r = s.timestamp()
                    ? run("openssl", "ts", "-verify", "-data", content.toString(), "-in", cms.toString(),
                            "-token_in", "-CAfile", rootsPem.toString())
                    : run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", cms.toString(),
                            "-content", content.toString(), "-CAfile", rootsPem.toString(), "-purpose", "any",
                            "-out", work.resolve(name + "-" + i + ".out").toString());
            assertThat(r.exit()).as(name + " #" + i + ": " + r.output()).isZero();
            assertThat(r.output()).contains(s.timestamp() ? "Verification: OK" : "Verification successful");
        }
        return signed;
    }

    private static void checkWithPdfsig(byte[] pdf, String name, List<Signed> parts, Path nssDb) throws Exception {
        Path file = work.resolve(name + ".pdf");
        Files.write(file, pdf);
        Result pdfsig = run("pdfsig", "-nssdir", "sql:" + nssDb, file.toString());
        assertThat(pdfsig.exit()).as(pdfsig.output()).isZero();
        List<String> blocks = blocks(pdfsig.output());
        assertThat(blocks).as(pdfsig.output()).hasSize(parts.size());
        long signatures = parts.stream().filter(s -> !s.timestamp()).count();
        assertThat(blocks.stream().filter(b -> b.contains("Signature Type: ETSI.CAdES.detached")).count())
                .as(pdfsig.output()).isEqualTo(signatures);
        for (String block : blocks) {
            if (block.contains("Signature Type: ETSI.CAdES.detached")) {
                assertThat(block).as(pdfsig.output()).contains("Signature Validation: Signature is Valid.",
                        "Certificate Validation: Certificate is Trusted.");
            } else {
                // pdfsig 22.12 lists a document time-stamp ("Signature Type: unknown") without checking
                // it; OpenSSL's ts -verify has.
                assertThat(block).as(pdfsig.output()).contains("Demo Time-Stamping Authority");
            }
        }
    }

    /** Each signer's certificate with the certificates its CMS carries, over the roots alone, OCSP required. */
    private static void checkWithVfychain(List<Signed> parts, String name) throws Exception {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).timestamp()) {
                continue;
            }
            List<String> command = new ArrayList<>(List.of("vfychain", "-d", "sql:" + rootsOnly, "-pp", "-u", "4",
                    "-g", "leaf", "-m", "ocsp", "-s", "failIfNoInfo"));
            List<byte[]> chain = signerFirst(parts.get(i).cms());
            for (int c = 0; c < chain.size(); c++) {
                Path der = work.resolve(name + "-" + i + "-cert" + c + ".der");
                Files.write(der, chain.get(c));
                command.add(der.toString());
            }
            Result r = run(command.toArray(String[]::new));
            assertThat(r.exit()).as(name + " #" + i + ": " + r.output()).isZero();
            assertThat(r.output()).as(name + " #" + i).contains("Chain is good!");
        }
    }

    /** The certificates of a CMS, the signer's first. */
    private static List<byte[]> signerFirst(byte[] cms) throws CMSException, IOException {
        CMSSignedData data = new CMSSignedData(cms);
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        List<byte[]> out = new ArrayList<>();
        for (X509CertificateHolder c : data.getCertificates().getMatches(null)) {
            if (signer.getSID().match(c)) {
                out.add(0, c.getEncoded());
            } else {
                out.add(c.getEncoded());
            }
        }
        return out;
    }

    /** Each signature's and document time-stamp's signed bytes and CMS, in signing order. */
    private static List<Signed> signedParts(byte[] pdf) throws IOException {
        List<Signed> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                int[] r = sig.getByteRange();
                byte[] range = new byte[r[1] + r[3]];
                System.arraycopy(pdf, r[0], range, 0, r[1]);
                System.arraycopy(pdf, r[2], range, r[1], r[3]);
                out.add(new Signed("ETSI.RFC3161".equals(sig.getSubFilter()), range, der(sig.getContents())));
            }
        }
        // a later revision covers more bytes
        out.sort(Comparator.comparingInt(s -> s.byteRange().length));
        return out;
    }

    /** /Contents is padded with zeros after the DER, which OpenSSL refuses: cut it to the DER's length. */
    private static byte[] der(byte[] contents) {
        int length;
        if ((contents[1] & 0x80) != 0) {
            int octets = contents[1] & 0x7f;
            int body = 0;
            for (int i = 0; i < octets; i++) {
                body = (body << 8) | (contents[2 + i] & 0xff);
            }
            length = 2 + octets + body;
        } else {
            length = 2 + contents[1];
        }
        return Arrays.copyOf(contents, length);
    }

    private static List<String> blocks(String output) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^Signature #\\d+:").matcher(output);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            out.add(output.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : output.length()));
        }
        return out;
    }

    private static Path nssDatabase(String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Result init = run("certutil", "-N", "--empty-password", "-d", "sql:" + dir);
        assertThat(init.exit()).as(init.output()).isZero();
        return dir;
    }

    private static void addCertificate(Path db, String nickname, X509Certificate certificate, String trust)
            throws Exception {
        Path file = work.resolve(db.getFileName() + "-" + nickname + ".pem");
        Files.writeString(file, pem(certificate));
        Result add = run("certutil", "-A", "-d", "sql:" + db, "-n", nickname, "-t", trust, "-i", file.toString());
        assertThat(add.exit()).as(add.output()).isZero();
    }

    private static String pem(X509Certificate c) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private record Signed(boolean timestamp, byte[] byteRange, byte[] cms) {
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "command", ".log");
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return fail(command[0] + " could not be run; scripts/deps.sh installs it", e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}

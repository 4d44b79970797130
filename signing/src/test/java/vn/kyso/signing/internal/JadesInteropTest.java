package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.internal.SigningServiceTest.JSON;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningFixture;

/**
 * JAdES enveloping and detached, in every serialisation and level it is offered at, for a key of each
 * family: DSS validates it (with the original for a detached one), npm jose verifies it, and Node's own
 * crypto verifies the JWS signing input again; a detached signature's sigD digests must match the file.
 */
class JadesInteropTest {

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String key : List.of("ubnd-binh-an", "cong-ty-sao-mai", "le-minh-khoa")) {
            for (Packaging packaging : List.of(Packaging.ENVELOPING, Packaging.DETACHED)) {
                for (SignatureLevel level : SignatureLevel.values()) {
                    all.add(Arguments.of(packaging, level, JwsSerialization.JSON_FLATTENED, key));
                }
                all.add(Arguments.of(packaging, SignatureLevel.B_LTA, JwsSerialization.JSON, key));
                all.add(Arguments.of(packaging, SignatureLevel.B_B, JwsSerialization.COMPACT, key));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void dssJoseAndNodeCryptoAllVerify(Packaging packaging, SignatureLevel level, JwsSerialization serialization,
            String key, @TempDir Path dir) throws Exception {
        SignedDocument signed = sign(packaging, level, serialization, key);
        boolean detached = packaging == Packaging.DETACHED;

        List<DssVerdicts.Verdict> verdicts = detached ? DssVerdicts.validate(pki, signed.content(), JSON)
                : DssVerdicts.validate(pki, signed.content());
        assertThat(verdicts).extracting(DssVerdicts.Verdict::indication).as(verdicts.toString())
                .containsExactly(Indication.TOTAL_PASSED);

        NodeChecker.Result r = check(dir, signed, key, detached ? JSON.content() : null);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("\"jose\":true", "\"nodeCrypto\":true",
                "\"serialization\":\"" + serialization + "\"");
        if (detached) {
            assertThat(r.output()).contains("http://uri.etsi.org/19182/ObjectIdByURIHash", JSON.name());
        }
        if (serialization == JwsSerialization.COMPACT) {
            assertThat(signed.mediaType()).isEqualTo("application/jose");
            assertThat(new String(signed.content(), StandardCharsets.US_ASCII)).matches("[\\w-]+\\.[\\w-]*\\.[\\w-]+");
        }
    }

    @Test
    void aChangedDetachedFileIsCaughtByDssAndBySigD(@TempDir Path dir) throws Exception {
        SignedDocument signed = sign(Packaging.DETACHED, SignatureLevel.B_T, JwsSerialization.JSON_FLATTENED,
                "cong-ty-sao-mai");
        Document changed = new Document(JSON.name(), "{\"ketQua\":\"Từ chối\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(DssVerdicts.validate(pki, signed.content(), changed))
                .extracting(DssVerdicts.Verdict::indication).doesNotContain(Indication.TOTAL_PASSED);
        NodeChecker.Result r = check(dir, signed, "cong-ty-sao-mai", changed.content());
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("sigD: digest of " + JSON.name() + " does not match");
    }

    @Test
    void compactAboveBaselineBIsRefusedWithAStableCodeInBothLanguages() {
        assertThatThrownBy(() -> sign(Packaging.ENVELOPING, SignatureLevel.B_T, JwsSerialization.COMPACT,
                "ubnd-binh-an"))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.COMPACT_SERIALIZATION_LEVEL);
                    assertThat(e.error().kind()).isEqualTo(vn.kyso.core.ErrorKind.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("B-B");
                    assertThat(e.details()).containsKey("detailVi");
                    assertThat((String) e.details().get("detailVi")).contains("chỉ dùng được ở mức B-B");
                });
    }

    @Test
    void aSerialisationChoiceForAnotherFormatIsRefused() {
        // an XML document is signed as XAdES when no format is named
        assertThatThrownBy(() -> service.sign(new SignRequest(SigningServiceTest.XML, "ubnd-binh-an",
                new SignOptions(null, SignatureLevel.B_B, null, null, null, null, null, null, null,
                        JwsSerialization.JSON))))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.INVALID_REQUEST));
        assertThatThrownBy(() -> new SignOptions(SignatureFormat.XADES, SignatureLevel.B_B, null, null, null, null,
                null, null, null, JwsSerialization.COMPACT)).isInstanceOf(IllegalArgumentException.class);
    }

    private SignedDocument sign(Packaging packaging, SignatureLevel level, JwsSerialization serialization,
            String key) {
        return service.sign(new SignRequest(JSON, key, new SignOptions(SignatureFormat.JADES, level, packaging,
                null, null, null, null, null, null, serialization)));
    }

    private NodeChecker.Result check(Path dir, SignedDocument signed, String key, byte[] original)
            throws Exception {
        Path jws = Files.write(dir.resolve("signature.jws"), signed.content());
        Path pem = Files.writeString(dir.resolve("signer.pem"), new XadesInteropTest().pem(key));
        List<String> args = new ArrayList<>(List.of(jws.toString(), pem.toString()));
        if (original != null) {
            args.add(JSON.name() + "=" + Files.write(dir.resolve("original.json"), original));
        }
        return NodeChecker.run("jws-verify.js", dir, args.toArray(String[]::new));
    }
}

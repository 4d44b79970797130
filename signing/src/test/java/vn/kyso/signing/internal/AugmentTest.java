package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.Indication;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.AugmentRequest;
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

/** Augmentation for the archive: B-B/B-T documents extended to B-LTA, and B-LTA re-time-stamped. */
class AugmentTest {

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    private SignedDocument sign(Document doc, SignatureFormat format, SignatureLevel level, Packaging packaging) {
        return service.sign(new SignRequest(doc, "ubnd-binh-an",
                new SignOptions(format, level, packaging, Appearance.NONE, null, null, null, null, null)));
    }

    @Test
    void extendsAPadesBasicLetterToLtaKeepingTheSignedBytesAsPrefix() {
        SignedDocument basic = sign(SigningServiceTest.LETTER, null, SignatureLevel.B_B, null);

        SignedDocument lta = service.augment(new AugmentRequest(new Document("a.pdf", basic.content()),
                SignatureLevel.B_LTA));

        assertThat(lta.level()).isEqualTo(SignatureLevel.B_LTA);
        assertThat(Arrays.copyOf(lta.content(), basic.content().length)).isEqualTo(basic.content());
        List<DssVerdicts.Verdict> verdicts = DssVerdicts.validate(pki, lta.content());
        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.indication()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(v.format()).isEqualTo("PAdES-BASELINE-LTA");
        });
    }

    @Test
    void reTimestampsADocumentAlreadyAtLta() {
        SignedDocument lta = sign(SigningServiceTest.LETTER, null, SignatureLevel.B_LTA, null);

        SignedDocument renewed = service.augment(new AugmentRequest(new Document("a.pdf", lta.content()),
                SignatureLevel.B_LTA));

        assertThat(renewed.content().length).isGreaterThan(lta.content().length);
        assertThat(Arrays.copyOf(renewed.content(), lta.content().length)).isEqualTo(lta.content());
        assertThat(DssVerdicts.validate(pki, renewed.content())).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Indication.TOTAL_PASSED));
    }

    @Test
    void extendsXadesAndDetachedCades() {
        SignedDocument xades = sign(SigningServiceTest.XML, SignatureFormat.XADES, SignatureLevel.B_T, null);
        SignedDocument xadesLta = service.augment(new AugmentRequest(new Document("x.xml", xades.content()),
                SignatureLevel.B_LTA));
        assertThat(DssVerdicts.validate(pki, xadesLta.content())).singleElement().satisfies(v -> {
            assertThat(v.indication()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(v.format()).isEqualTo("XAdES-BASELINE-LTA");
        });

        SignedDocument cades = sign(SigningServiceTest.BINARY, SignatureFormat.CADES, SignatureLevel.B_B,
                Packaging.DETACHED);
        SignedDocument cadesLt = service.augment(new AugmentRequest(new Document("x.p7s", cades.content()),
                SignatureLevel.B_LT, List.of(SigningServiceTest.BINARY)));
        assertThat(DssVerdicts.validate(pki, cadesLt.content(), SigningServiceTest.BINARY)).singleElement()
                .satisfies(v -> {
                    assertThat(v.indication()).isEqualTo(Indication.TOTAL_PASSED);
                    assertThat(v.format()).isEqualTo("CAdES-BASELINE-LT");
                });
    }

    @Test
    void refusesAnUnsignedPdfAndRandomBytes() {
        assertThatThrownBy(() -> service.augment(new AugmentRequest(SigningServiceTest.LETTER, SignatureLevel.B_LTA)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.NOTHING_TO_AUGMENT));
        assertThatThrownBy(() -> service.augment(new AugmentRequest(new Document("r", new byte[] {1, 2, 3}),
                SignatureLevel.B_LTA)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.NOTHING_TO_AUGMENT));
        assertThatThrownBy(() -> new AugmentRequest(SigningServiceTest.LETTER, SignatureLevel.B_B))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void extendsJadesInJsonAndFlattenedSerialisationToLta() {
        for (JwsSerialization serialization : List.of(JwsSerialization.JSON, JwsSerialization.JSON_FLATTENED)) {
            SignedDocument jades = service.sign(new SignRequest(SigningServiceTest.JSON, "ubnd-binh-an",
                    new SignOptions(SignatureFormat.JADES, SignatureLevel.B_T, null, Appearance.NONE, null, null,
                            null, null, null, serialization, null)));

            SignedDocument lta = service.augment(new AugmentRequest(new Document("k.json", jades.content()),
                    SignatureLevel.B_LTA));

            assertThat(lta.level()).isEqualTo(SignatureLevel.B_LTA);
            assertThat(DssVerdicts.validate(pki, lta.content())).as(serialization.name()).singleElement()
                    .satisfies(v -> {
                        assertThat(v.indication()).isEqualTo(Indication.TOTAL_PASSED);
                        assertThat(v.format()).isEqualTo("JAdES-BASELINE-LTA");
                    });
        }
    }
}

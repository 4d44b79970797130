package vn.kyso.demopki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity.Holder;
import vn.kyso.demopki.testing.DemoPkiFixture;

class DemoPkiGenerationTest {

    private static DemoPki pki;

    @BeforeAll
    static void pki() {
        pki = DemoPkiFixture.shared();
    }

    @Test
    void loadingTheSameDirectoryAgainGivesTheSameCertificatesAndPort() {
        Path directory = Path.of(System.getProperty("kyso.test.workdir", "target/test-work"), "demo-pki");
        try (DemoPki reloaded = DemoPki.createOrLoad(DemoPkiSettings.defaults(directory))) {
            assertThat(reloaded.baseUri()).isEqualTo(pki.baseUri());
            assertThat(reloaded.tsaCertificate()).isEqualTo(pki.tsaCertificate());
            for (KeyFamily family : KeyFamily.values()) {
                assertThat(reloaded.trustAnchors(family)).isEqualTo(pki.trustAnchors(family));
                assertThat(reloaded.slotId(family)).isEqualTo(pki.slotId(family));
            }
            assertThat(reloaded.identities()).extracting(DemoIdentity::chain)
                    .isEqualTo(pki.identities().stream().map(DemoIdentity::chain).toList());
        }
    }

    @Test
    void hasTheIdentitiesOfBothFamilies() {
        assertThat(pki.identities()).extracting(DemoIdentity::alias).containsExactly(
                "ubnd-binh-an", "tran-thi-bich-ngoc", "so-noi-vu-binh-an", "le-minh-khoa",
                "cong-ty-sao-mai", "pham-thu-ha", "hoang-duc-minh", "het-han", "remote-signer");
        DemoIdentity ngoc = pki.identity("tran-thi-bich-ngoc");
        assertThat(ngoc.family()).isEqualTo(KeyFamily.SPECIALISED);
        assertThat(ngoc.holder()).isEqualTo(Holder.PERSON);
        assertThat(ngoc.tokenLabel()).isEqualTo("kyso-specialised");
        assertThat(ngoc.keyLabel()).isEqualTo("tran-thi-bich-ngoc");
        assertThat(ngoc.certificate().getSubjectX500Principal().getName())
                .startsWith("CN=Trần Thị Bích Ngọc,")
                .contains("O=Ủy ban nhân dân tỉnh Bình An")
                .endsWith("C=VN");
        assertThat(pki.identity("le-minh-khoa").certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(pki.identity("ubnd-binh-an").certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThatThrownBy(() -> pki.identity("nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreUtf8StringsWithVietnameseDiacritics() throws Exception {
        X500Name subject = new JcaX509CertificateHolder(pki.identity("ubnd-binh-an").certificate()).getSubject();
        assertThat(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()).isInstanceOf(ASN1UTF8String.class);
        assertThat(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
                .isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        X500Name root = new JcaX509CertificateHolder(pki.trustAnchors(KeyFamily.SPECIALISED).get(0)).getSubject();
        assertThat(root.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
                .isEqualTo("Demo Root CA Chuyên dùng Chính phủ");
    }

    @Test
    void chainsLeadToTheFamilyRoot() throws Exception {
        for (DemoIdentity identity : pki.identities()) {
            List<X509Certificate> chain = identity.chain();
            assertThat(chain).hasSize(3);
            assertThat(chain.get(2)).isEqualTo(pki.trustAnchors(identity.family()).get(0));
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate issuer = chain.get(Math.min(i + 1, chain.size() - 1));
                chain.get(i).verify(issuer.getPublicKey());
            }
            assertThat(chain.get(1).getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(chain.get(1).getKeyUsage()[5]).as("keyCertSign").isTrue();
        }
    }

    @Test
    void endEntityCertificatesCarryTheUsualExtensions() {
        X509Certificate certificate = pki.identity("pham-thu-ha").certificate();
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[1]).as("nonRepudiation").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSerialNumber().toByteArray()).hasSize(16);
        String aia = new String(certificate.getExtensionValue(Extension.authorityInfoAccess.getId()),
                StandardCharsets.ISO_8859_1);
        assertThat(aia).contains(pki.baseUri() + "/ocsp/public-ca").contains(pki.baseUri() + "/ca/public-ca.cer");
        String cdp = new String(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()),
                StandardCharsets.ISO_8859_1);
        assertThat(cdp).contains(pki.baseUri() + "/crl/public-ca.crl");
        assertThat(certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
    }

    @Test
    void theExpiredIdentityIsExpired() throws Exception {
        X509Certificate expired = pki.identity("het-han").certificate();
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThat(pki.identity("het-han").inToken()).isTrue();
        pki.identity("pham-thu-ha").certificate().checkValidity();
    }

    @Test
    void theRemoteSignerKeyIsOnlyInSoftware() {
        DemoIdentity remote = pki.identity("remote-signer");
        assertThat(remote.inToken()).isFalse();
        KeyStore.PrivateKeyEntry key = pki.softwareKey("remote-signer");
        assertThat(key.getCertificate()).isEqualTo(remote.certificate());
        assertThat(key.getCertificateChain()).hasSize(3);
        assertThatThrownBy(() -> pki.softwareKey("pham-thu-ha")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTsaCertificateIsForTimeStampingOnly() throws Exception {
        X509Certificate tsa = pki.tsaCertificate();
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        tsa.verify(pki.identity("ubnd-binh-an").chain().get(1).getPublicKey());
        assertThat(pki.tsaUrl()).isEqualTo(pki.baseUri() + "/tsa");
    }

    @Test
    void trustAnchorPemFilesHoldTheRoots() throws Exception {
        for (KeyFamily family : KeyFamily.values()) {
            try (var in = Files.newInputStream(pki.trustAnchorsPem(family))) {
                List<Certificate> certificates =
                        List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
                assertThat(certificates).containsExactlyElementsOf(pki.trustAnchors(family));
            }
        }
        assertThat(pki.trustAnchors(KeyFamily.PUBLIC).get(0).getSubjectX500Principal().getName())
                .isEqualTo("CN=Demo Vietnam National Root CA,O=Bộ Khoa học và Công nghệ (DEMO),C=VN");
    }

    @Test
    void pinFilesAreReadableOnlyByTheirOwner() throws Exception {
        for (KeyFamily family : KeyFamily.values()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.pinFile(family))))
                    .isEqualTo("rw-------");
            assertThat(Files.readAllLines(pki.pinFile(family)).get(0)).hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(pki.softHsmConf()).exists();
        assertThat(pki.pkcs11Library()).isEqualTo(DemoPkiSettings.DEFAULT_PKCS11_LIBRARY);
    }

    @Test
    void appearanceImagesAreTransparentPngs() throws Exception {
        for (DemoIdentity identity : pki.identities()) {
            BufferedImage image = ImageIO.read(identity.appearanceImage().toFile());
            assertThat(image).as(identity.alias()).isNotNull();
            assertThat(image.getColorModel().hasAlpha()).isTrue();
            assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
            if (identity.holder() == Holder.PERSON) {
                assertThat(image.getWidth()).isEqualTo(600);
                assertThat(image.getHeight()).isEqualTo(240);
            } else {
                assertThat(image.getWidth()).isEqualTo(400);
                int centre = image.getRGB(200, 186);
                assertThat(centre >>> 24).as("the star is opaque").isGreaterThan(200);
                assertThat((centre >> 16) & 0xFF).as("and red").isGreaterThan(150);
            }
        }
    }
}

package vn.kyso.archive.testing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;

/**
 * The baseline of the ingest benchmarks: the minimum correct work plain code does to archive a signed
 * letter. DSS validates it (one verifier with online OCSP/CRL sources and the demo trust anchors, reused
 * across documents as a service would), the letter must pass, and the original and DSS's ETSI validation
 * report go to an Object Lock bucket with COMPLIANCE retention set in the put itself, one put after the
 * other. No catalogue, no text, no manifest, no audit: what the service adds is what the ratio prices.
 */
public final class PlainIngest {

    private final CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    private final MinioClient s3;
    private final String bucket;

    public PlainIngest(DemoPki pki, CephRgw ceph, String bucket) throws Exception {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        this.s3 = MinioClient.builder().endpoint(ceph.endpoint().toString()).region(ceph.region())
                .credentials(ceph.accessKey(), ceph.secretKey()).build();
        this.bucket = bucket;
        s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(true).build());
    }

    /** Validates the letter and keeps it with its report under {@code key}; fails unless it passes. */
    public void ingest(byte[] letter, String key) throws Exception {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(letter));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        String id = reports.getSimpleReport().getFirstSignatureId();
        if (reports.getSimpleReport().getIndication(id) != Indication.TOTAL_PASSED) {
            throw new IllegalStateException("the letter does not validate: "
                    + reports.getSimpleReport().getSubIndication(id));
        }
        byte[] report = reports.getXmlValidationReport().getBytes(StandardCharsets.UTF_8);
        Retention retention = new Retention(RetentionMode.COMPLIANCE,
                Instant.now().plus(Duration.ofDays(3653)).atZone(ZoneOffset.UTC));
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key + "/original.pdf")
                .data(letter, letter.length).contentType("application/pdf").retention(retention).build());
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key + "/report.xml")
                .data(report, report.length).contentType("application/xml").retention(retention).build());
    }
}

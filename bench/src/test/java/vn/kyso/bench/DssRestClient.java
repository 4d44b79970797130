package vn.kyso.bench;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.ws.dto.RemoteCertificate;
import eu.europa.esig.dss.ws.dto.RemoteDocument;
import eu.europa.esig.dss.ws.dto.SignatureValueDTO;
import eu.europa.esig.dss.ws.dto.ToBeSignedDTO;
import eu.europa.esig.dss.ws.server.signing.dto.RemoteKeyEntry;
import eu.europa.esig.dss.ws.server.signing.rest.client.RestSignatureTokenConnection;
import eu.europa.esig.dss.ws.signature.dto.DataToSignOneDocumentDTO;
import eu.europa.esig.dss.ws.signature.dto.SignOneDocumentDTO;
import eu.europa.esig.dss.ws.signature.dto.parameters.RemoteSignatureParameters;
import eu.europa.esig.dss.ws.signature.rest.client.RestDocumentSignatureService;
import eu.europa.esig.dss.ws.validation.dto.DataToValidateDTO;
import eu.europa.esig.dss.ws.validation.dto.WSReportsDTO;
import eu.europa.esig.dss.ws.validation.rest.client.RestDocumentValidationService;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.cxf.jaxrs.client.JAXRSClientFactoryBean;
import org.apache.cxf.jaxrs.client.WebClient;

/**
 * A client of {@link DssRestPeer} as DSS's REST client examples drive it: CXF proxies of the published
 * interfaces with the same JSON provider; a signature is getDataToSign, then the server-signing call with
 * the key's alias, then signDocument with the same parameters (the signing date fixed once per document).
 * The client looks its key up once, as an integrator would configure it. CXF's URLConnection conduit, as
 * the service's benchmark client uses the JDK's blocking HttpURLConnection too.
 */
final class DssRestClient {

    private final RestDocumentSignatureService signature;
    private final RestSignatureTokenConnection serverSigning;
    private final RestDocumentValidationService validation;
    private final RemoteKeyEntry key;
    /** Nanoseconds spent in each of the three calls of a signature, for the reading of the figures. */
    final LongAdder dataToSignNanos = new LongAdder();
    final LongAdder serverSignNanos = new LongAdder();
    final LongAdder signDocumentNanos = new LongAdder();
    final LongAdder signatures = new LongAdder();

    DssRestClient(String baseUrl, X509Certificate signer) throws Exception {
        this.signature = proxy(baseUrl + DssRestPeer.SIGNATURE, RestDocumentSignatureService.class);
        this.serverSigning = proxy(baseUrl + DssRestPeer.SERVER_SIGNING, RestSignatureTokenConnection.class);
        this.validation = proxy(baseUrl + DssRestPeer.VALIDATION, RestDocumentValidationService.class);
        byte[] wanted = signer.getEncoded();
        this.key = serverSigning.getKeys().stream()
                .filter(k -> java.util.Arrays.equals(k.getCertificate().getEncodedCertificate(), wanted))
                .findFirst().orElseThrow(() -> new IllegalStateException("the peer's token lacks the key"));
    }

    private static <T> T proxy(String address, Class<T> type) {
        JAXRSClientFactoryBean factory = new JAXRSClientFactoryBean();
        factory.setAddress(address);
        factory.setServiceClass(type);
        factory.setProviders(List.of(new JacksonJsonProvider(
                DssRestPeer.webappMapper().registerModule(TimestampedObjectReader.module()))));
        T client = factory.create(type);
        WebClient.getConfig(client).getRequestContext().put("force.urlconnection.http.conduit", Boolean.TRUE);
        WebClient.getConfig(client).getHttpConduit().getClient().setReceiveTimeout(120_000);
        return client;
    }

    void resetPhases() {
        dataToSignNanos.reset();
        serverSignNanos.reset();
        signDocumentNanos.reset();
        signatures.reset();
    }

    /** Mean milliseconds of getDataToSign, the server-signing call and signDocument since the last reset. */
    double[] phaseMillis() {
        double n = Math.max(1, signatures.sum()) * 1e6;
        return new double[] {dataToSignNanos.sum() / n, serverSignNanos.sum() / n, signDocumentNanos.sum() / n};
    }

    /** Signs a PDF in PAdES at the level given as "B-B", "B-T", "B-LT" or "B-LTA"; the signed bytes. */
    byte[] sign(byte[] pdf, String level) {
        RemoteSignatureParameters p = new RemoteSignatureParameters();
        p.setSignatureLevel(SignatureLevel.valueOf("PAdES_BASELINE_" + level.substring(2)));
        p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new RemoteCertificate(key.getCertificate().getEncodedCertificate()));
        p.setCertificateChain(List.of(key.getCertificateChain()));
        p.getBLevelParams().setSigningDate(new Date());
        RemoteDocument doc = new RemoteDocument(pdf, "letter.pdf");
        long t0 = System.nanoTime();
        ToBeSignedDTO tbs = signature.getDataToSign(new DataToSignOneDocumentDTO(doc, p));
        long t1 = System.nanoTime();
        SignatureValueDTO value = serverSigning.sign(tbs, DigestAlgorithm.SHA256, key.getAlias());
        long t2 = System.nanoTime();
        byte[] signed = signature.signDocument(new SignOneDocumentDTO(doc, p, value)).getBytes();
        dataToSignNanos.add(t1 - t0);
        serverSignNanos.add(t2 - t1);
        signDocumentNanos.add(System.nanoTime() - t2);
        signatures.increment();
        return signed;
    }

    /** Validates with the peer's default policy; true when every signature is valid (TOTAL_PASSED). */
    boolean validate(byte[] signed) {
        WSReportsDTO reports = validation.validateSignature(
                new DataToValidateDTO(new RemoteDocument(signed, "letter.pdf"), (RemoteDocument) null, null));
        int signatures = reports.getSimpleReport().getSignaturesCount();
        return signatures > 0 && reports.getSimpleReport().getValidSignaturesCount() == signatures;
    }
}

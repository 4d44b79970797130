package vn.kyso.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationIntrospector;
import com.zaxxer.hikari.HikariDataSource;
import eu.europa.esig.dss.alert.ExceptionOnStatusAlert;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.crl.JdbcCacheCRLSource;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.service.x509.aia.JdbcCacheAIASource;
import eu.europa.esig.dss.spi.client.jdbc.JdbcCacheConnector;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.ws.server.signing.common.RemoteSignatureTokenConnectionImpl;
import eu.europa.esig.dss.ws.server.signing.rest.RestSignatureTokenConnectionImpl;
import eu.europa.esig.dss.ws.signature.common.RemoteDocumentSignatureServiceImpl;
import eu.europa.esig.dss.ws.signature.rest.RestDocumentSignatureServiceImpl;
import eu.europa.esig.dss.ws.validation.common.RemoteDocumentValidationService;
import eu.europa.esig.dss.ws.validation.rest.RestDocumentValidationServiceImpl;
import jakarta.servlet.ServletConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;

/**
 * DSS 6.4's REST services as the EU DSS demonstration webapp deploys them, served by Apache CXF's servlet
 * on an embedded Tomcat on loopback: {@code /rest/signature/one-document} (all six signature services on
 * one certificate verifier), {@code /rest/server-signing} (DSS's {@link Pkcs11SignatureToken} on the demo
 * PKI's SoftHSM2 slot, the same key the service signs with) and {@code /rest/validation} (DSS's default
 * policy). The verifier is the webapp's: CRLs and AIA through DSS's JDBC caches (an in-memory H2 database,
 * CRLs kept ten minutes past their next update), OCSP online, an exception when revocation data is
 * missing, no revocation checks for untrusted chains; its trust anchors are the demo PKI's roots instead
 * of the EU trusted lists. Time stamps from the demo TSA. Nothing is added that the webapp does not do.
 */
final class DssRestPeer implements AutoCloseable {

    static final String SIGNATURE = "/rest/signature/one-document";
    static final String SERVER_SIGNING = "/rest/server-signing";
    static final String VALIDATION = "/rest/validation";

    private final Tomcat tomcat;
    private final HikariDataSource cache;
    private final String baseUrl;

    DssRestPeer(DemoPki pki, Path workDir) throws Exception {
        this.cache = new HikariDataSource();
        cache.setJdbcUrl("jdbc:h2:mem:dss-peer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        cache.setUsername("sa");
        JdbcCacheConnector connector = new JdbcCacheConnector(cache);

        CommonsDataLoader dataLoader = new CommonsDataLoader();
        OnlineCRLSource onlineCrl = new OnlineCRLSource();
        onlineCrl.setDataLoader(dataLoader);
        JdbcCacheCRLSource cachedCrl = new JdbcCacheCRLSource();
        cachedCrl.setJdbcCacheConnector(connector);
        cachedCrl.setProxySource(onlineCrl);
        cachedCrl.setDefaultNextUpdateDelay(60L * 10);
        cachedCrl.initTable();
        OnlineOCSPSource onlineOcsp = new OnlineOCSPSource();
        onlineOcsp.setDataLoader(new OCSPDataLoader());
        JdbcCacheAIASource cachedAia = new JdbcCacheAIASource();
        cachedAia.setJdbcCacheConnector(connector);
        cachedAia.setProxySource(new DefaultAIASource(dataLoader));
        cachedAia.initTable();

        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setCrlSource(cachedCrl);
        verifier.setOcspSource(onlineOcsp);
        verifier.setAIASource(cachedAia);
        verifier.setTrustedCertSources(trusted);
        verifier.setAlertOnMissingRevocationData(new ExceptionOnStatusAlert());
        verifier.setCheckRevocationForUntrustedChains(false);

        PAdESService pades = new PAdESService(verifier);
        pades.setTspSource(new OnlineTSPSource(pki.tsaUrl()));
        RemoteDocumentSignatureServiceImpl signature = new RemoteDocumentSignatureServiceImpl();
        signature.setPadesService(pades);
        RestDocumentSignatureServiceImpl restSignature = new RestDocumentSignatureServiceImpl();
        restSignature.setService(signature);

        char[] pin = Files.readString(pki.pinFile(KeyFamily.SPECIALISED)).strip().toCharArray();
        Pkcs11SignatureToken token = new Pkcs11SignatureToken(pki.pkcs11Library(),
                new KeyStore.PasswordProtection(pin), Math.toIntExact(pki.slotId(KeyFamily.SPECIALISED)));
        RemoteSignatureTokenConnectionImpl serverToken = new RemoteSignatureTokenConnectionImpl();
        serverToken.setToken(token);
        RestSignatureTokenConnectionImpl restServerSigning = new RestSignatureTokenConnectionImpl();
        restServerSigning.setToken(serverToken);

        RemoteDocumentValidationService validation = new RemoteDocumentValidationService();
        validation.setVerifier(verifier);
        RestDocumentValidationServiceImpl restValidation = new RestDocumentValidationServiceImpl();
        restValidation.setValidationService(validation);

        CXFNonSpringServlet servlet = new CXFNonSpringServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void loadBus(ServletConfig config) {
                super.loadBus(config);
                publish(SIGNATURE, restSignature);
                publish(SERVER_SIGNING, restServerSigning);
                publish(VALIDATION, restValidation);
            }

            private void publish(String address, Object service) {
                JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
                factory.setBus(getBus());
                factory.setServiceBean(service);
                factory.setAddress(address);
                factory.setProvider(jsonProvider());
                factory.create();
            }
        };
        this.tomcat = new Tomcat();
        Path base = Files.createDirectories(workDir.resolve("dss-rest-peer-tomcat"));
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("/services", base.toString());
        Tomcat.addServlet(context, "cxf", servlet).setLoadOnStartup(1);
        context.addServletMappingDecoded("/*", "cxf");
        tomcat.start();
        this.baseUrl = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/services";
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * The webapp's JSON provider (its {@code CXFConfig.objectMapper()}): Jackson 2 reading the DTOs' JAXB
     * annotations only, indented output, exceptions not wrapped.
     */
    static JacksonJsonProvider jsonProvider() {
        return new JacksonJsonProvider(webappMapper());
    }

    static ObjectMapper webappMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setAnnotationIntrospector(new JakartaXmlBindAnnotationIntrospector(TypeFactory.defaultInstance()));
        mapper.configure(SerializationFeature.INDENT_OUTPUT, true);
        mapper.configure(DeserializationFeature.WRAP_EXCEPTIONS, false);
        return mapper;
    }

    @Override
    public void close() throws org.apache.catalina.LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        cache.close();
    }
}

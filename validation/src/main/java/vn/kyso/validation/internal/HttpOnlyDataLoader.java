package vn.kyso.validation.internal;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.CommonsHttpClientResponseHandler;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.TimeValue;

/**
 * Fetches OCSP, CRL and CA-issuer data over HTTP(S) only, with timeouts, no retries, no redirects and
 * a size cap. The URLs come from certificates inside the documents we are asked to validate, that is
 * from strangers: {@code file:}, {@code ldap:} and {@code ftp:} URLs would let a document make the
 * server read local files or contact arbitrary directory servers.
 */
final class HttpOnlyDataLoader extends CommonsDataLoader {

    /** A national CRL is a few megabytes; anything far larger is not a CRL. */
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    HttpOnlyDataLoader(Duration timeout, String contentType) {
        int t = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        setTimeoutConnection(t);
        setTimeoutConnectionRequest(t);
        setTimeoutResponse(t);
        setTimeoutSocket(t);
        setRedirectsEnabled(false);
        setRetryStrategy(new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS));
        setHttpClientResponseHandler(new CappedResponseHandler());
        if (contentType != null) {
            setContentType(contentType);
        }
    }

    @Override
    protected byte[] ldapGet(String url) {
        throw refused(url);
    }

    @Override
    protected byte[] ftpGet(String url) {
        throw refused(url);
    }

    @Override
    protected byte[] fileGet(String url) {
        throw refused(url);
    }

    private static DSSExternalResourceException refused(String url) {
        int colon = url.indexOf(':');
        return new DSSExternalResourceException("only HTTP(S) revocation and issuer URLs are fetched, not "
                + (colon > 0 ? url.substring(0, colon) : "this scheme"));
    }

    /** DSS's handler (status check, entity release) reading at most {@link #MAX_RESPONSE_BYTES}. */
    private static final class CappedResponseHandler extends CommonsHttpClientResponseHandler {
        @Override
        protected byte[] getContent(HttpEntity entity) throws IOException {
            try (InputStream in = entity.getContent()) {
                byte[] content = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (content.length > MAX_RESPONSE_BYTES) {
                    throw new IOException("response larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return content;
            }
        }
    }
}

package vn.kyso.dss;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.CommonsHttpClientResponseHandler;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import vn.kyso.core.net.FetchRefusedException;
import vn.kyso.core.net.OutboundPolicy;

/**
 * DSS's HTTP data loader held to the {@link OutboundPolicy}: every TSA, OCSP, CRL, CA-issuer and policy
 * document URL is admitted by the policy before the request, the host's addresses are checked inside the
 * client's DNS resolver (the addresses connected to are the ones checked), no redirects, no retries, and a
 * response size cap. Signing, augmenting (which fetches revocation data for every certificate a document
 * carries, other signers' too) and validating (whose URLs come from certificates inside strangers'
 * documents) all fetch through it: {@code file:}, {@code ldap:} and {@code ftp:} would let a document make
 * the server read local files or contact arbitrary directory servers, and any http URL would make it a
 * proxy. Every rule is in the policy; this class only plugs it into DSS's HTTP client.
 */
public final class PolicedDataLoader extends CommonsDataLoader {

    private static final long serialVersionUID = 1L;

    /** A kept connection idle longer than this is checked before it serves a request. */
    static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofMilliseconds(500);
    /** No connection is kept longer than this, whatever the server allows. */
    static final TimeValue KEPT_AT_MOST = TimeValue.ofMinutes(1);
    /**
     * Connections per route and in all: as many concurrent requests as signing and validation make, so the
     * kept pool never queues a request that the old pool-per-request did not (DSS's default is 2 per route).
     */
    static final int MAX_CONNECTIONS = 64;

    private final transient OutboundPolicy policy;
    /** The loader's connection pool, made on first use. */
    private transient PoolingHttpClientConnectionManager pool;

    /** @param contentType the request body's type for POSTs (OCSP, time-stamp queries), or null */
    public PolicedDataLoader(OutboundPolicy policy, String contentType) {
        this.policy = policy;
        int t = (int) Math.min(Integer.MAX_VALUE, policy.settings().timeout().toMillis());
        setTimeoutConnection(t);
        setTimeoutConnectionRequest(t);
        setTimeoutResponse(t);
        setTimeoutSocket(t);
        setRedirectsEnabled(false);
        setConnectionsMaxTotal(MAX_CONNECTIONS);
        setConnectionsMaxPerRoute(MAX_CONNECTIONS);
        setRetryStrategy(new StaleConnectionRetry());
        setHttpClientResponseHandler(new CappedResponseHandler(policy.settings().maxResponseBytes()));
        if (contentType != null) {
            setContentType(contentType);
        }
    }

    /**
     * Every HTTP request DSS makes (get, post, requestGet, requestPost, lists of URLs) takes its client here,
     * once per request: the one place to admit it.
     */
    @Override
    protected synchronized CloseableHttpClient getHttpClient(String url) {
        try {
            policy.admit(url);
        } catch (FetchRefusedException e) {
            throw new DSSExternalResourceException("not fetched: " + e.getMessage());
        }
        return super.getHttpClient(url);
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

    /**
     * DSS's builder, told that the pool is shared: DSS builds a client for every request and closes it after,
     * which without this would close the connections too, so every time-stamp, OCSP request and CRL download
     * opened a new connection (and, for HTTPS, a new TLS handshake) and set up a new pool.
     */
    @Override
    protected synchronized HttpClientBuilder getHttpClientBuilder(String url) {
        return super.getHttpClientBuilder(url).setConnectionManagerShared(true);
    }

    /**
     * One pool for this loader's lifetime, with the policy's resolver: a connection is checked by the policy
     * when it is opened (the addresses it connects to) and every request through it is admitted by the policy
     * first ({@link #getHttpClient}). Connections are kept per route (scheme, host, port), so a kept one only
     * ever serves the host it was opened for. The connect and socket timeouts are read when a connection is
     * opened, on the requesting thread, so they are the ones left in that request's budget; the response
     * timeout is the request's own ({@link #getRequestConfigBuilder}). A kept connection idle for more than
     * {@link #VALIDATE_AFTER_IDLE} is checked before use, and a request that still meets a connection the
     * server closed is sent once more on a new one ({@link StaleConnectionRetry}).
     */
    @Override
    protected synchronized HttpClientConnectionManager getConnectionManager() {
        if (pool == null) {
            PoolingHttpClientConnectionManager manager = PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(getTlsSocketStrategy())
                    .setDnsResolver(new PolicedResolver(policy))
                    .setMaxConnTotal(getConnectionsMaxTotal())
                    .setMaxConnPerRoute(getConnectionsMaxPerRoute())
                    .build();
            manager.setSocketConfigResolver(route -> SocketConfig.copy(getSocketConfig())
                    .setSoTimeout(Timeout.of(policy.timeout())).build());
            manager.setConnectionConfigResolver(route -> {
                Timeout timeout = Timeout.of(policy.timeout());
                return ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout)
                        .setValidateAfterInactivity(VALIDATE_AFTER_IDLE).setTimeToLive(KEPT_AT_MOST).build();
            });
            pool = manager;
        }
        return pool;
    }

    @Override
    protected RequestConfig.Builder getRequestConfigBuilder() {
        Timeout left = Timeout.of(policy.timeout());
        // Waiting for a free kept connection counts against the request's budget like the rest.
        return super.getRequestConfigBuilder().setResponseTimeout(left).setConnectionRequestTimeout(left)
                .setRedirectsEnabled(false);
    }

    /**
     * No retries, but one: a request sent on a kept connection that the server closed a moment before (it
     * restarted, or drained its connections) gets no answer at all, which a connection per request never met.
     * Such a request is sent once more, on a new connection; time-stamp, OCSP and CRL requests are safe to
     * repeat. Any other failure, and any HTTP answer, is final as before.
     */
    static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return execCount <= 1 && exception instanceof NoHttpResponseException;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }

    /** The system resolver whose answers the policy checks before the client connects to them. */
    private static final class PolicedResolver extends SystemDefaultDnsResolver {
        private final OutboundPolicy policy;

        PolicedResolver(OutboundPolicy policy) {
            this.policy = policy;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.resolve(host);
        }
    }

    private static DSSExternalResourceException refused(String url) {
        int colon = url.indexOf(':');
        return new DSSExternalResourceException("only HTTP(S) revocation and issuer URLs are fetched, not "
                + (colon > 0 ? url.substring(0, colon) : "this scheme"));
    }

    /** DSS's handler (status check, entity release) reading at most the policy's response size. */
    private static final class CappedResponseHandler extends CommonsHttpClientResponseHandler {
        private final long max;

        CappedResponseHandler(long max) {
            this.max = max;
        }

        @Override
        protected byte[] getContent(HttpEntity entity) throws IOException {
            try (InputStream in = entity.getContent()) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (content.length > max) {
                    throw new IOException("response larger than " + max + " bytes");
                }
                return content;
            }
        }
    }
}

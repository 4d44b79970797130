package vn.kyso.api.exchange;

import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.api.error.ApiException;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.ExchangeSettings;

/**
 * The exchange if this deployment runs one ({@code kyso.exchange.enabled} and the signing and
 * validation services present); otherwise its endpoints answer 503 SERVICE_NOT_CONFIGURED.
 */
final class Exchange {

    /** Read limit when no settings say otherwise; the service applies its own limit as well. */
    static final long DEFAULT_MAX_MESSAGE = 40L * 1024 * 1024;

    private final ObjectProvider<ExchangeService> service;
    private final ObjectProvider<ExchangeSettings> settings;

    Exchange(ObjectProvider<ExchangeService> service, ObjectProvider<ExchangeSettings> settings) {
        this.service = service;
        this.settings = settings;
    }

    ExchangeService get() {
        return ApiException.required(service, "the edXML exchange is not enabled on this server");
    }

    /** The agency a message is received for when the request names none: this service's first one. */
    String defaultOrgan() {
        ExchangeSettings s = settings.getIfAvailable();
        return s == null || s.organs().isEmpty() ? null : s.organs().get(0).organ().organId();
    }

    long maxMessageSize() {
        ExchangeSettings s = settings.getIfAvailable();
        return s == null ? DEFAULT_MAX_MESSAGE : s.maxMessageSize();
    }
}

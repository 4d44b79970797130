package vn.kyso.api.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.FollowUpRequest;
import vn.kyso.exchange.IncomingResult;
import vn.kyso.exchange.OutgoingMessage;
import vn.kyso.exchange.OutgoingRequest;
import vn.kyso.exchange.StatusCode;
import vn.kyso.exchange.StatusRequest;

/** Accepts a message containing "good", rejects anything else as SIGNATURE_INVALID; records the call. */
class FakeExchangeService implements ExchangeService {

    static final byte[] RECEIVED = "<edXML>01</edXML>".getBytes(StandardCharsets.UTF_8);
    static final byte[] REJECTED = "<edXML>02</edXML>".getBytes(StandardCharsets.UTF_8);

    String lastReceiver;
    StatusRequest lastStatus;

    @Override
    public OutgoingMessage build(OutgoingRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IncomingResult receive(byte[] edxml, String receiverOrganId) {
        lastReceiver = receiverOrganId;
        if (new String(edxml, StandardCharsets.UTF_8).contains("good")) {
            return new IncomingResult(StatusCode.RECEIVED, null, null, "X,2026/11/20,1/A", null, List.of(), "r1",
                    RECEIVED);
        }
        return new IncomingResult(StatusCode.REJECTED, ExchangeError.SIGNATURE_INVALID, "the signature is INVALID",
                "X,2026/11/20,1/A", null, List.of(), null, REJECTED);
    }

    @Override
    public OutgoingMessage followUp(FollowUpRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] status(StatusRequest request) {
        lastStatus = request;
        return RECEIVED;
    }
}

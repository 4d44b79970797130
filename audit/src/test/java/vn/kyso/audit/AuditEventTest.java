package vn.kyso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void needsAnActor() {
        assertThatThrownBy(() -> AuditEvent.of("  ", AuditAction.SIGN, null, AuditOutcome.OK))
                .isInstanceOfSatisfying(AuditException.class,
                        e -> assertThat(e.error()).isEqualTo(AuditError.INVALID_EVENT));
    }

    @Test
    void stripsControlCharactersAndBoundsLengths() {
        AuditEvent e = new AuditEvent("van-thu\n01", AuditAction.INGEST, "x".repeat(1000), AuditOutcome.OK,
                "ok\r\nforged line", "");
        assertThat(e.actor()).isEqualTo("van-thu 01");
        assertThat(e.target()).hasSize(AuditEvent.MAX_TARGET);
        assertThat(e.detail()).isEqualTo("ok  forged line");
        assertThat(e.clientAddress()).isNull();
    }
}

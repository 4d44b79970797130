package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.KeyInfo;

/** What a key picker shows of a certificate: name, position and organisation, never the CCCD. */
class KeyChoiceTest {

    static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void showsThePersonsNameAndPositionButNotTheirCitizenId() {
        KeyChoice c = KeyChoice.of(key("CN=Trần Thị Bích Ngọc,T=Chủ tịch,UID=CCCD:079186000101,"
                + "O=Ủy ban nhân dân tỉnh Bình An,C=VN", NOW.minusSeconds(60), NOW.plusSeconds(60)), NOW);

        assertThat(c.name()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(c.position()).isEqualTo("Chủ tịch");
        assertThat(c.organisation()).isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        assertThat(c.validNow()).isTrue();
        assertThat(String.join("|", c.name(), c.position(), c.organisation())).doesNotContain("079186000101");
        // The integrator's detail keeps the whole name.
        assertThat(c.subject()).contains("UID=CCCD:079186000101");
    }

    @Test
    void readsTheTitleByItsOidAndTheUnitWhenThereIsNoOrganisation() {
        KeyChoice c = KeyChoice.of(key("CN=Lê Minh Khoa,2.5.4.12=Giám đốc,SERIALNUMBER=079090000102,"
                + "OU=Sở Nội vụ,C=VN", NOW.minusSeconds(60), NOW.plusSeconds(60)), NOW);

        assertThat(c.position()).isEqualTo("Giám đốc");
        assertThat(c.organisation()).isEqualTo("Sở Nội vụ");
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsNotValidNowAndAnOddSubjectFallsBackOnTheId() {
        assertThat(KeyChoice.of(key("CN=Ngô Văn Hết Hạn,C=VN", NOW.minusSeconds(120), NOW.minusSeconds(60)), NOW)
                .validNow()).isFalse();
        assertThat(KeyChoice.of(key("CN=Sắp Có,C=VN", NOW.plusSeconds(60), NOW.plusSeconds(120)), NOW)
                .validNow()).isFalse();
        assertThat(KeyChoice.of(key("not a name", NOW.minusSeconds(60), NOW.plusSeconds(60)), NOW).name())
                .isEqualTo("k1");
    }

    private static KeyInfo key(String subject, Instant notBefore, Instant notAfter) {
        return new KeyInfo("k1", KeyFamily.PUBLIC, KeyInfo.KeyHolder.PERSON, subject, "CN=CA", "01", notBefore,
                notAfter, "RSA-2048", true);
    }
}

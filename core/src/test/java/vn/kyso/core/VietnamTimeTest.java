package vn.kyso.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VietnamTimeTest {

    /** The two forms must name the same clock for every date the service can meet (1975 onwards). */
    @Test
    void theRegionKeepsTheOffsetFrom1975On() {
        Instant reunification = LocalDate.of(1975, 6, 13).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(VietnamTime.ZONE.getRules().nextTransition(reunification)).isNull();
        assertThat(VietnamTime.ZONE.getRules().getOffset(Instant.parse("2026-12-05T00:00:00Z")))
                .isEqualTo(VietnamTime.OFFSET);
        assertThat(VietnamTime.OFFSET.getId()).isEqualTo("+07:00");
    }
}

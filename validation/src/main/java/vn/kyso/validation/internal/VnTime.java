package vn.kyso.validation.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.kyso.core.VietnamTime;

/** Times as shown to people: Vietnam time (UTC+07:00, no daylight saving), ISO 8601, to the second. */
final class VnTime {

    private VnTime() {
    }

    static String format(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(VietnamTime.OFFSET));
    }
}

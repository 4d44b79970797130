package vn.kyso.core;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Vietnam's time zone, the one declaration of it: what a letter's date, a seal's time, an edXML
 * time-stamp, a retention year or a scheduled job mean when they say "today" or show a time. Vietnam
 * keeps UTC+07:00 all year (no daylight saving since 1975), so the region and the offset agree for every
 * instant the service handles; both forms are here because some APIs take only one of them.
 */
public final class VietnamTime {

    /** The IANA region name, for APIs that take a name (Spring's {@code @Scheduled(zone = …)}). */
    public static final String ZONE_NAME = "Asia/Ho_Chi_Minh";

    /** The region, for local dates and zoned date-times. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

    /** The fixed offset, for {@code atOffset} and formats that print it (ISO 8601 "+07:00"). */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    private VietnamTime() {
    }
}

package vn.kyso.exchange.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.exchange.Organ;
import vn.kyso.signing.SignatureLevel;

/**
 * {@code kyso.exchange.*}. The defaults suit the demo: this service is the People's Committee of the
 * fictional Bình An province ({@code 000.00.00.H99}, key {@code ubnd-binh-an}) and also hosts its
 * Department of Home Affairs ({@code 000.00.12.H99}, key {@code so-noi-vu-binh-an}), so that one
 * running service can play both ends of an exchange. A real deployment sets its own agency's code
 * (Decision 20/2020/QĐ-TTg) and key, and no hosted agencies.
 *
 * @param enabled        false leaves the exchange endpoints answering 503
 * @param organId        this agency's electronic identifier
 * @param organName      its name, exactly as its signing certificate names it
 * @param keyAlias       its specialised key for messages and status messages
 * @param level          the level of those signatures (B_T by default)
 * @param maxMessageSize the largest incoming message; larger ones are refused unread
 * @param fondCode       the archive fond incoming letters are filed under
 * @param preservation   their preservation period: {@code permanent} or a number of years
 * @param hosted         further agencies this service acts for
 * @param documentTypes  letter type name → {@code DocumentType/Type} code; unset for the 29 types of
 *                       Decree 30/2020 Art. 7 numbered in its order (Công văn = 18)
 */
@ConfigurationProperties("kyso.exchange")
@Validated
public record ExchangeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("000.00.00.H99") String organId,
        @DefaultValue("Ủy ban nhân dân tỉnh Bình An") String organName,
        @DefaultValue("ubnd-binh-an") String keyAlias,
        @DefaultValue("B_T") SignatureLevel level,
        @DefaultValue("40MB") DataSize maxMessageSize,
        @DefaultValue("EDXML") String fondCode,
        @DefaultValue("10") String preservation,
        List<Hosted> hosted,
        Map<String, Integer> documentTypes) {

    /** A further agency: its identifier, name and specialised key. */
    public record Hosted(String organId, String organName, String keyAlias) {
    }

    public ExchangeSettings toSettings() {
        List<ExchangeSettings.LocalOrgan> organs = new ArrayList<>();
        organs.add(new ExchangeSettings.LocalOrgan(new Organ(organId, organName), keyAlias));
        if (hosted != null) {
            for (Hosted h : hosted) {
                organs.add(new ExchangeSettings.LocalOrgan(new Organ(h.organId(), h.organName()), h.keyAlias()));
            }
        }
        return new ExchangeSettings(organs, level, maxMessageSize.toBytes(), fondCode,
                PreservationPeriod.parse(preservation).years(), documentTypes);
    }
}

package vn.kyso.exchange.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.core.ErrorKind;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeException;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.exchange.MessageHeader;

/** Files received messages and their letters in the archive, and notes what became of them later. */
final class IncomingArchive {

    private static final Logger log = LoggerFactory.getLogger(IncomingArchive.class);

    private final ArchiveService archive;
    private final ExchangeSettings settings;

    /** @param archive the archive, or null to file nothing */
    IncomingArchive(ArchiveService archive, ExchangeSettings settings) {
        this.archive = archive;
        this.settings = settings;
    }

    /**
     * Archives the message itself; bytes the archive already holds are a replay of a message received
     * before (answered as a duplicate, not filed again).
     *
     * @return the record, or null without an archive
     */
    String ingestPackage(String name, byte[] content, MessageHeader h) {
        try {
            return ingestOnce(name, content, h);
        } catch (ArchiveException e) {
            if (e.error() == ArchiveError.DUPLICATE_RECORD) {
                throw new Rejected(ExchangeError.DUPLICATE_MESSAGE, "this message was received before (archive "
                        + "record " + e.existingRecordId() + ")");
            }
            throw translated(e);
        }
    }

    /** Archives a letter or appendix; a file already archived (sent again in an update) reuses its record. */
    String ingestFile(String name, byte[] content, MessageHeader h) {
        try {
            return ingestOnce(name, content, h);
        } catch (ArchiveException e) {
            if (e.error() == ArchiveError.DUPLICATE_RECORD) {
                return e.existingRecordId();
            }
            throw translated(e);
        }
    }

    /** Writes the note into each record's history; a record that cannot take it is logged, not fatal. */
    void annotate(List<String> records, String kind, String detail, String actor) {
        if (archive == null) {
            return;
        }
        for (String id : records) {
            if (id == null) {
                continue;
            }
            try {
                archive.annotate(id, kind, detail.length() > 1000 ? detail.substring(0, 1000) : detail, actor);
            } catch (ArchiveException e) {
                if (e.error().kind() == ErrorKind.UNAVAILABLE) {
                    throw new ExchangeException(ExchangeError.ARCHIVE_UNAVAILABLE,
                            "the archive is unavailable; send the message again later", e);
                }
                log.warn("archive record {} could not take the note {}: {}", id, kind, e.getMessage());
            }
        }
    }

    private String ingestOnce(String name, byte[] content, MessageHeader h) {
        if (archive == null) {
            return null;
        }
        RecordMetadata metadata;
        try {
            metadata = new RecordMetadata(settings.fondCode(),
                    settings.fondCode() + "." + h.promulgationDate().getYear() + ".DEN", h.numberSymbol(),
                    h.promulgationDate(), h.documentType(), h.from().organName(), h.subject(), h.signerFullName(),
                    "vi", null, List.of("edXML", h.from().organId()), AccessRegime.RESTRICTED, null,
                    settings.preservationYears() == null ? PreservationPeriod.permanent()
                            : PreservationPeriod.ofYears(settings.preservationYears()), null);
        } catch (ArchiveException e) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "the header cannot be filed: " + e.getMessage()
                    + " " + e.fieldErrors());
        }
        return archive.ingest(new IngestRequest(name, content, null, metadata, "edxml:" + h.from().organId())).id();
    }

    private static RuntimeException translated(ArchiveException e) {
        if (e.error().kind() == ErrorKind.UNAVAILABLE) {
            return new ExchangeException(ExchangeError.ARCHIVE_UNAVAILABLE,
                    "the archive is unavailable; send the message again later", e);
        }
        if (e.error() == ArchiveError.METADATA_INVALID) {
            return new Rejected(ExchangeError.HEADER_INVALID, "the header cannot be filed: " + e.fieldErrors());
        }
        return new ExchangeException(ExchangeError.EXCHANGE_FAILED, "archiving the message failed", e);
    }
}

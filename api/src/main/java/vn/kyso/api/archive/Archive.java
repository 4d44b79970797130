package vn.kyso.api.archive;

import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.api.error.ApiException;
import vn.kyso.archive.ArchiveService;

/**
 * The archive if this deployment runs one ({@code kyso.archive.enabled}); otherwise its endpoints
 * answer 503 SERVICE_NOT_CONFIGURED while signing and validation go on working.
 */
final class Archive {

    private final ObjectProvider<ArchiveService> service;

    Archive(ObjectProvider<ArchiveService> service) {
        this.service = service;
    }

    ArchiveService get() {
        return ApiException.required(service, "the archive is not enabled on this server");
    }
}

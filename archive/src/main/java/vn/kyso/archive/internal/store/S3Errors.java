package vn.kyso.archive.internal.store;

import io.minio.errors.ErrorResponseException;
import java.util.Locale;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/**
 * What an S3 server's answers mean, across MinIO, Ceph RGW, AWS S3 and S3Mock, and the one place a
 * MinIO-client failure becomes an {@link ObjectStoreException}. Classified by the S3 error code and
 * HTTP status the server sent; only Object Lock refusals, which have no code of their own, are read
 * from the message.
 */
final class S3Errors {

    private S3Errors() {
    }

    /** One MinIO-client call, which may throw any of the client's checked exceptions. */
    @FunctionalInterface
    interface ClientCall<T> {
        T run() throws Exception;
    }

    /** Runs one client call, turning every failure that is not already ours into UNAVAILABLE. */
    static <T> T call(String what, ClientCall<T> action) {
        try {
            return action.run();
        } catch (ObjectStoreException e) {
            throw e;
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                throw new ObjectStoreException(Reason.NOT_FOUND, "Can't " + what + ": no such object", e);
            }
            throw new ObjectStoreException(
                    Reason.UNAVAILABLE, "Can't " + what + ": the server answered " + e.errorResponse().code(), e);
        } catch (Exception e) {
            // IOException (refused, timeout), the client's other checked exceptions and any runtime
            // failure of OkHttp or Kotlin: none may leak through the port.
            throw new ObjectStoreException(Reason.UNAVAILABLE, "Can't " + what + ": " + e.getClass().getSimpleName(), e);
        }
    }

    static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NoSuchVersion".equals(code)
                || "NotFound".equals(code) && e.response() != null && e.response().code() == 404
                        && !isNoLockConfiguration(e);
    }

    static boolean isNoLockConfiguration(ErrorResponseException e) {
        String code = e.errorResponse().code();
        String message = e.errorResponse().message();
        // AWS: NoSuchObjectLockConfiguration; Ceph RGW: ObjectLockConfigurationNotFoundError (an object
        // of a locked bucket that has no retention or no hold of its own).
        return "NoSuchObjectLockConfiguration".equals(code) || "ObjectLockConfigurationNotFoundError".equals(code)
                || (message != null && message.contains("does not have a ObjectLock configuration"));
    }

    static boolean isPreconditionFailed(ErrorResponseException e) {
        return "PreconditionFailed".equals(e.errorResponse().code())
                || (e.response() != null && e.response().code() == 412);
    }

    /** The server refused because of Object Lock (MinIO: "Object is WORM protected"; S3: AccessDenied). */
    static boolean isLockRefusal(ErrorResponseException e) {
        String message = String.valueOf(e.errorResponse().message()).toLowerCase(Locale.ROOT);
        return message.contains("worm") || message.contains("retention") || message.contains("locked");
    }

    static boolean isBucketAlreadyOurs(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "BucketAlreadyOwnedByYou".equals(code) || "BucketAlreadyExists".equals(code);
    }
}

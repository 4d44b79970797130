/**
 * The one place where failures become RFC 9457 problem responses: module exceptions by their
 * {@link vn.kyso.core.ErrorKind}, Spring MVC's own errors by their status, anything else as an opaque 500.
 */
package vn.kyso.api.error;

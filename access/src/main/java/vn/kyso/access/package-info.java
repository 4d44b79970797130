/**
 * Access control's public API: the roles, the authenticated {@link vn.kyso.access.Caller}, the settings
 * ({@code kyso.security}) and the {@link vn.kyso.access.AccessControl} facade over key owners and API keys.
 * Filters, the path-by-role table and the administrator's endpoints are web concerns of the api module.
 */
package vn.kyso.access;

/**
 * The web side of access control (the kyso-access module): who the caller is (OIDC bearer token or API key
 * filters), what each role may call (one table, {@link vn.kyso.api.security.AccessRules}), the 403 when a
 * key is not the caller's ({@link vn.kyso.api.security.KeyOwnership}) and the administrator's endpoints.
 * docs/security.md describes the model.
 */
package vn.kyso.api.security;

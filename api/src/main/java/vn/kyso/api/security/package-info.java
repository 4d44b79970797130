/**
 * Access control: who the caller is (OIDC bearer token or API key), what each role may call (one table,
 * {@link vn.kyso.api.security.AccessRules}), and whose HSM keys the caller may sign with
 * ({@link vn.kyso.api.security.KeyOwnership}). docs/security.md describes the model.
 */
package vn.kyso.api.security;

/**
 * Access control: who the caller is (OIDC bearer token or API key), what each role may call (one table,
 * {@link vn.kyso.api.security.AccessRules}), whose HSM keys the caller may sign with
 * ({@link vn.kyso.api.security.KeyOwnership}), and the administrator's changes to both, kept in the
 * database over the configuration ({@link vn.kyso.api.security.AccessControl}). docs/security.md
 * describes the model.
 */
package vn.kyso.api.security;

/**
 * Where the service may connect to on behalf of a document: the one outbound-fetch policy that every
 * HTTP client built for certificates, revocation data, time-stamps and policy documents goes through.
 */
package vn.kyso.core.net;

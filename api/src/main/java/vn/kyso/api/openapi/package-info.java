/**
 * The OpenAPI description's completeness: every operation's problem answers generated from the error code
 * enums, the security schemes and per-operation requirements from the access matrix, examples, readable
 * unique operation ids, and an OpenAPI 3.0 rendering for client generators.
 */
package vn.kyso.api.openapi;

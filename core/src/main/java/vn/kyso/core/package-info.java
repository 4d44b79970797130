/**
 * What every module shares: the error model that the API maps to RFC 9457 problems, and the two
 * families of Vietnamese signing certificates.
 */
package vn.kyso.core;

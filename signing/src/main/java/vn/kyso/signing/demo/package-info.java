/** Signing settings for the generated demo PKI, used by the demo service and by tests. */
package vn.kyso.signing.demo;

/** Validation settings for the generated demo PKI, for the demo service and tests. */
package vn.kyso.validation.demo;

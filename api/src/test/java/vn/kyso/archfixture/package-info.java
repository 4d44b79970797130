/** Deliberate violations that prove the api module's architecture rules can fail. */
package vn.kyso.archfixture;

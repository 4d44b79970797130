/**
 * Browser tests of the public pages: the whole application with the demo PKI, driven through the
 * system's headless Chromium, with screenshots in target/test-artifacts for a person to look at.
 */
package vn.kyso.api.browser;

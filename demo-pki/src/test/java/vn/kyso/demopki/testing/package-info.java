/**
 * Test support shipped in kyso-demo-pki's test-jar: one shared demo PKI per JVM, with its responders
 * running, for the tests of every module.
 */
package vn.kyso.demopki.testing;

/**
 * Test support shipped in kyso-core's test-jar: one shared demo PKI per JVM, with its responders
 * running, for the tests of every module.
 */
package vn.kyso.core.demopki.testing;

/** Ports that adapters implement: where a signature value comes from. */
package vn.kyso.signing.spi;

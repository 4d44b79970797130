/** Spring Boot auto-configuration of the signing module: binds {@code kyso.signing.*} and builds the facade. */
package vn.kyso.signing.autoconfigure;

/** Spring Boot auto-configuration of the conversion module: binds {@code kyso.conversion.*} and builds the facade. */
package vn.kyso.conversion.autoconfigure;

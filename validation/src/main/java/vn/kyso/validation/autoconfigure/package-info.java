/** Spring Boot auto-configuration of the validation module: binds {@code kyso.validation.*} and builds the facade. */
package vn.kyso.validation.autoconfigure;

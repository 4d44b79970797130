/** Spring Boot wiring of the exchange module from {@code kyso.exchange.*}. */
package vn.kyso.exchange.autoconfigure;

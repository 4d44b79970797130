/** Spring Boot auto-configuration of access control over the application's data source. */
package vn.kyso.access.autoconfigure;

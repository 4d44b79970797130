/** Spring Boot auto-configuration of the audit trail over the application's PostgreSQL data source. */
package vn.kyso.audit.autoconfigure;

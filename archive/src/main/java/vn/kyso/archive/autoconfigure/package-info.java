/** Spring Boot auto-configuration of the archive: object store, catalogue database and service. */
package vn.kyso.archive.autoconfigure;

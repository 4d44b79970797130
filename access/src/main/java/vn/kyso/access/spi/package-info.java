/** Where the administrator's changes to access control are kept: a port with a PostgreSQL adapter. */
package vn.kyso.access.spi;

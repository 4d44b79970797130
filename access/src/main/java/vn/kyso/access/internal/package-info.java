/** The access-control state built from the settings and the store, and the PostgreSQL store. */
package vn.kyso.access.internal;

/**
 * The pages' login sessions in the service's PostgreSQL (Spring Session JDBC), so that a person logged in
 * through one instance is logged in on all of them: the api's own schema migration and the cluster-wide
 * clean-up of expired sessions (ADR 0031).
 */
package vn.kyso.api.session;

/**
 * Health of what the service depends on (the HSM keys, the object store, the TSA), for the readiness
 * probe; none of it is in the liveness probe, which a dependency's outage must never fail.
 */
package vn.kyso.api.health;

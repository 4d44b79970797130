/** Health of what the service depends on: the HSM keys. */
package vn.kyso.api.health;

/**
 * The {@code kyso} command-line client: signs, validates, archives and verifies through the service's
 * HTTP API, the way pyHanko users work from a shell. It uses nothing of the service but its API.
 */
package vn.kyso.cli;

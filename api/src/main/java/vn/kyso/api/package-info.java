/**
 * The Spring Boot service: the application, its settings and cross-cutting web concerns. Module
 * logic lives behind the module facades; this package only wires and exposes it over HTTP.
 */
package vn.kyso.api;

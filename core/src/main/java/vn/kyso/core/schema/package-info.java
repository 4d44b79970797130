/**
 * How a module brings its own tables up to date: one Flyway set-up (script folder, history table, baseline)
 * that every module with tables uses, so the modules cannot drift apart (ADR 0031, ADR 0035).
 */
package vn.kyso.core.schema;

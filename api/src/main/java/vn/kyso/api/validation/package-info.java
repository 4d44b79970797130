/**
 * HTTP endpoint of the validation module: a signed upload in, the explained report out as JSON, as a
 * human-readable PDF or as the ETSI XML report. Public and anonymous, so it sits behind the rate limit.
 */
package vn.kyso.api.validation;

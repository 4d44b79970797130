/**
 * The validation module on EU DSS: input guards that refuse hostile files before DSS parses them, the
 * DSS engine with trust stores and cached revocation sources, the mapping of DSS reports onto our
 * records, and the PDF report. Everything here is package-private except {@link
 * vn.kyso.validation.internal.DssValidationService}.
 */
package vn.kyso.validation.internal;

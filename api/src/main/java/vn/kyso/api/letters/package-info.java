/**
 * The web side of the clerk's workflow for outgoing letters (the kyso-letters module): the REST API under
 * {@code /api/v1/letters} and the page at {@code /letters}.
 */
package vn.kyso.api.letters;

/**
 * The clerk's workflow for outgoing letters (Decree 30/2020/ND-CP): a draft converted to PDF/A, the
 * authorised person's signature, issuing with number, date and the organisation's signature, then the
 * archive. The REST API under {@code /api/v1/letters} and the page at {@code /letters}.
 */
package vn.kyso.api.letters;

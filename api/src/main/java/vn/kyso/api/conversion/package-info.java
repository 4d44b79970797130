/** {@code POST /api/v1/conversions}: an upload in, its PDF/A out with veraPDF's verdict in headers or as JSON. */
package vn.kyso.api.conversion;

/** The request id: accepted or made per request, in every log line, response header and problem. */
package vn.kyso.api.requestid;

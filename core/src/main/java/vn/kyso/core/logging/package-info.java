/**
 * What ties a log line to the work it belongs to when that work runs on a thread of its own: the job id and
 * the id of the request that started it, in the SLF4J MDC (ADR 0017, ADR 0031).
 */
package vn.kyso.core.logging;

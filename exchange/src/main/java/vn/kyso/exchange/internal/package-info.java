/**
 * The edXML implementation behind {@link vn.kyso.exchange.ExchangeService}: safe parsing, the message
 * and status formats, and the structural signature checks that keep signature wrapping out.
 */
package vn.kyso.exchange.internal;

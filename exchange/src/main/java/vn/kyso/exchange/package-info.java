/**
 * Inter-agency exchange of official letters in edXML (QCVN 102:2016/BTTTT): the public facade
 * {@link vn.kyso.exchange.ExchangeService}, its requests, results and error codes.
 */
package vn.kyso.exchange;

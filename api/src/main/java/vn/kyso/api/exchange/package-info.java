/**
 * REST endpoints of the inter-agency exchange in edXML: building a signed outgoing message, receiving
 * one and answering with a status message, and status updates.
 */
package vn.kyso.api.exchange;

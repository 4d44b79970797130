/**
 * E-ARK Common Specification for Information Packages (CSIP 2.2): the package METS, the
 * representation METS files and PREMIS 3 preservation metadata, written from plain values so the
 * archive's catalogue types stay out of the XML.
 */
package vn.kyso.archive.internal.eark;

/**
 * What every upload endpoint checks the same way before a module sees the file (an empty file, a PDF
 * that is encrypted), so one cause gets one problem code whichever endpoint the client called.
 */
package vn.kyso.api.upload;

/**
 * The long-term archive: originals kept untouched with the evidence that proves their signatures
 * for decades, a searchable catalogue with the Vietnamese archive metadata, preservation jobs and
 * retention. {@link vn.kyso.archive.ArchiveService} is the facade.
 */
package vn.kyso.archive;

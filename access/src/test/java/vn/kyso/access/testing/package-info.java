/** Test doubles of access control for other modules' tests (the api module's controller slices). */
package vn.kyso.access.testing;

/** The workflow over the signing, conversion and archive facades, and the letters' tables. */
package vn.kyso.letters.internal;

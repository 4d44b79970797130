/**
 * Public API of the validation module: the {@link vn.kyso.validation.ValidationService} facade and the
 * report records it returns, explained in Vietnamese and English. No DSS type appears here.
 */
package vn.kyso.validation;

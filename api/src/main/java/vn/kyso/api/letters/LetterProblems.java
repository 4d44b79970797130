package vn.kyso.api.letters;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.kyso.api.openapi.ProblemCodes;

/**
 * The problem codes of reaching one letter (LetterAccess): no such letter (an id that is not one answers
 * the same), another organisation's letter, the letter store down.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ProblemCodes({"LETTER_NOT_FOUND", "LETTER_NOT_YOURS", "LETTERS_UNAVAILABLE"})
@interface LetterProblems {
}

/**
 * The clerk's workflow for outgoing letters (Decree 30/2020/ND-CP): the {@link vn.kyso.letters.LettersService}
 * facade, the letter as clients see it, its states and errors. The REST API and the page are the api
 * module's.
 */
package vn.kyso.letters;

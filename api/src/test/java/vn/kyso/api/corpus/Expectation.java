package vn.kyso.api.corpus;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the service may answer for one corpus case.
 *
 * @param name    the case's name (file path in the corpus, or the generated attack's name)
 * @param kind    genuine, tampered, attack or malformed
 * @param allowed the verdicts allowed: VALID, INVALID, INDETERMINATE, UNSIGNED, or REJECTED for a 4xx
 *                problem response
 * @param finding whether a finding naming the modification is required, forbidden or either
 * @param source  where the case comes from (URL with commit, or "generated")
 * @param why     the reason for the expectation, in a sentence
 */
record Expectation(String name, Kind kind, Set<String> allowed, Finding finding, String source, String why) {

    static final Set<String> OUTCOMES = Set.of("VALID", "INVALID", "INDETERMINATE", "UNSIGNED", "REJECTED");

    Expectation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(finding, "finding");
        allowed = Set.copyOf(allowed);
        if (allowed.isEmpty() || !OUTCOMES.containsAll(allowed)) {
            throw new IllegalArgumentException(name + ": allowed verdicts must be among " + OUTCOMES + ": " + allowed);
        }
        if (kind.forged() && allowed.contains("VALID")) {
            // A changed document is never VALID, whoever signed it (issue #10 item 6).
            throw new IllegalArgumentException(name + ": a " + kind + " case cannot allow VALID");
        }
    }

    static Set<String> verdicts(String pipeSeparated) {
        return new LinkedHashSet<>(Arrays.asList(pipeSeparated.strip().split("\\|")));
    }

    enum Kind {
        GENUINE, TAMPERED, ATTACK, MALFORMED;

        /** The content is not what was signed. */
        boolean forged() {
            return this == TAMPERED || this == ATTACK;
        }

        static Kind of(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * NAMED: a finding must name the modification; NONE: no such finding may appear; INTACT: the
     * signature values verify with an independent tool (pdfsig, openssl cms), so the service must not
     * say HASH_FAILURE or SIG_CRYPTO_FAILURE, other findings allowed; ANY: either.
     */
    enum Finding {
        NAMED, NONE, INTACT, ANY;

        static Finding of(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        }
    }
}

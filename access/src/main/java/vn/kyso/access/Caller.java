package vn.kyso.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated caller as controllers see it: a {@code @Parameter(hidden = true) Caller caller}
 * argument. With security disabled it is whoever the {@code X-Kyso-Actor} header names, with every role.
 *
 * @param principal    the person's or system's id (the token's {@code sub}, the API key's principal);
 *                     {@code anonymous} when nobody is named
 * @param organisation the organisation the caller acts for, or null
 * @param roles        what the caller may do
 */
public record Caller(String principal, String organisation, Set<Role> roles) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        principal = principal == null || principal.isBlank() ? ANONYMOUS : principal.strip();
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The name written to the audit trail and to an archived record's history. */
    public String actor() {
        return principal;
    }

    public static Caller unrestricted(String principal) {
        return new Caller(principal, null, EnumSet.allOf(Role.class));
    }

}

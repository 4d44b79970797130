package vn.kyso.api.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.kyso.access.Caller;

/** Whatever authenticated the request (token, API key, the development header), reduced to a {@link Caller}. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Caller caller;
    private final String via;

    /** @param via how the caller authenticated, for logs: "jwt", "api-key:&lt;id&gt;", "header" */
    CallerAuthentication(Caller caller, String via) {
        super(authorities(caller));
        this.caller = caller;
        this.via = via;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(Caller caller) {
        return caller.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    Caller caller() {
        return caller;
    }

    String via() {
        return via;
    }

    @Override
    public String getName() {
        return caller.principal();
    }

    @Override
    public Object getPrincipal() {
        return caller.principal();
    }

    /** Never the token or the key: nothing downstream needs them. */
    @Override
    public Object getCredentials() {
        return "";
    }
}

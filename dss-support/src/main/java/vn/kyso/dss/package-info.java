/**
 * Engine support shared by the signing and validation internals: DSS's HTTP data loader held to the
 * outbound policy and DSS's view of the one revocation cache. DSS types are public here only so that the
 * two modules' {@code internal} packages can use them; no facade, record or other module may (the
 * modules' architecture tests keep DSS off their facades).
 */
package vn.kyso.dss;
